package org.disclosuredesk.route;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception thrown by a task listener ("Exception while invoking TaskListener:
 * …"), which Tasklist would show as a technical 500. Around every command, this rethrows the
 * {@link RouteInputException} inside, so a clerk sees 400 and the plain Chinese message.
 */
@Component
class UnwrapRouteInput extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(new Interceptor());
    return interceptors;
  }

  static final class Interceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RouteInputException e) {
        throw e;
      } catch (ProcessEngineException e) {
        throw RouteInputException.within(e).map(RuntimeException.class::cast).orElse(e);
      }
    }
  }
}
