package org.disclosuredesk.privacy;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the recorder of personal-data views for the API and the pages. */
@Configuration
class PersonalDataConfiguration implements WebMvcConfigurer {

  private final PersonalDataViewRecorder recorder;

  PersonalDataConfiguration(PersonalDataViewRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(recorder).addPathPatterns("/api/requests/**", "/supervision/cases/**", "/desk/cases/**");
  }
}
