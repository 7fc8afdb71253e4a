package org.disclosuredesk.tasklist;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * One user's Camunda Tasklist (Chinese UI) in a fresh browser context: login, filters, the task list,
 * claim and complete, the start dialog, screenshots. Waits for selectors, never for time.
 */
final class Tasklist implements AutoCloseable {

  static final String COMPLETE_BUTTON = "button[ng-click='complete()']";
  private static final Locator.FilterOptions VISIBLE = new Locator.FilterOptions().setVisible(true);

  private final BrowserContext context;
  private final Page page;
  private final Path screenshots;
  private final String user;

  private Tasklist(BrowserContext context, String user, Path screenshots) {
    this.context = context;
    this.page = context.newPage();
    this.user = user;
    this.screenshots = screenshots;
    page.setDefaultTimeout(20_000);
  }

  /** Logs in on the Tasklist login page (password = user id for the demo users). */
  static Tasklist login(Browser browser, String baseUrl, String user, Path screenshots) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setViewportSize(1280, 900));
    Tasklist tasklist = new Tasklist(context, user, screenshots);
    Page page = tasklist.page;
    signIn(page, baseUrl, user);
    try {
      page.locator(".start-process-action a").first().waitFor();
    } catch (com.microsoft.playwright.TimeoutError slow) {
      // seen on a loaded 2-core CI machine: Tasklist not drawn 20 s after signing in. Keep what the page
      // showed, then open Tasklist once more (signed in already, or signing in again) and give it longer.
      tasklist.screenshot("sign-in-slow-" + user);
      System.out.println("Tasklist sign-in of " + user + " not drawn after 20 s; the page said: "
          + page.locator("body").innerText().replaceAll("\\s+", " "));
      page.navigate(baseUrl + "/camunda/app/tasklist/default/");
      Locator ready = page.locator(".start-process-action a, input[type=password]").first();
      ready.waitFor(new Locator.WaitForOptions().setTimeout(40_000));
      if (page.locator("input[type=password]").count() > 0) {
        signIn(page, baseUrl, user);
      }
      page.locator(".start-process-action a").first().waitFor(new Locator.WaitForOptions().setTimeout(40_000));
    }
    tasklist.waitForTaskList(); // the default filter's list, so that openFilter waits for its own
    return tasklist;
  }

  private static void signIn(Page page, String baseUrl, String user) {
    if (!page.url().contains("/camunda/app/tasklist/")) {
      page.navigate(baseUrl + "/camunda/app/tasklist/default/");
    }
    page.locator("input[type=text]").first().fill(user);
    page.locator("input[type=password]").first().fill(user);
    page.locator("button[type=submit]").first().click();
  }

  Page page() {
    return page;
  }

  void screenshot(String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")));
  }

  // --- start a process --------------------------------------------------------------------------------------

  /** 启动流程 → the process by its name → its start form (a Camunda Form in the dialog). */
  CamundaForm openStartForm(String processName) {
    page.locator(".start-process-action a").first().click();
    page.locator(".modal-content").getByText(processName, new Locator.GetByTextOptions().setExact(true)).first().click();
    Locator form = page.locator(".modal-content .fjs-form");
    form.waitFor();
    return new CamundaForm(page, form);
  }

  /** 开始 in the start dialog. */
  void submitStartForm() {
    page.locator(".modal-footer .btn-primary").click();
  }

  /** The error Tasklist shows inside the start dialog when the engine refused the start. */
  Locator startFormError() {
    return page.locator(".modal-content .notifications .alert-danger");
  }

  void waitForStartDialogClosed() {
    page.locator(".modal-content").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
  }

  // --- filters and tasks ------------------------------------------------------------------------------------

  /**
   * Selects a filter in the left column and waits until its task list has been fetched and drawn: the
   * list request answered, the loader gone and the filter shows its count.
   */
  void openFilter(String filterName) {
    Locator filter = page.locator("[cam-tasklist-filters] .task-filter")
        .filter(new Locator.FilterOptions().setHasText(filterName)).first();
    page.waitForResponse(r -> r.url().contains("/filter/") && r.url().contains("/list"),
        () -> filter.locator("h4.name a").click());
    filter.locator(".counter").waitFor();
    waitForTaskList();
  }

  private void waitForTaskList() {
    page.locator("[cam-tasks] .loader").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN));
    page.locator("[cam-tasks] .tasks-list, [cam-tasks] .well").first().waitFor();
  }

  /** The entry for one task in the list of the selected filter. */
  Locator taskInList(String taskId) {
    return page.locator("[cam-tasks] li.task a[href*='task=" + taskId + "']");
  }

  /** Opens a task from the selected filter's list and waits for its Camunda Form. */
  CamundaForm openTask(String taskId, String taskName) {
    Locator entry = taskInList(taskId);
    entry.waitFor();
    if (!entry.innerText().contains(taskName)) {
      throw new AssertionError("task " + taskId + " is listed as '" + entry.innerText().trim() + "', expected " + taskName);
    }
    entry.click();
    page.locator("[cam-tasklist-task] h2.task").filter(new Locator.FilterOptions().setHasText(taskName))
        .first().waitFor();
    Locator form = page.locator("[cam-tasklist-task] .fjs-form");
    form.waitFor();
    return new CamundaForm(page, form);
  }

  /** 认领 (claim), then the task shows its assignee with the 取消认领 button. */
  void claim() {
    page.locator("button.claim").click();
    page.locator("button.unclaim").waitFor();
  }

  /** 完成 (complete); returns once the task has left the list, or fails with what Tasklist shows instead. */
  void completeTask(String taskId) {
    dismissNotifications();
    submitAndWaitUntilDone(taskId);
  }

  /**
   * 完成 as a user presses it after a refused submit, the red notice still open: the task leaves the list and the
   * notice, which was about that form, closes by itself (scripts/zh-forms.js); it used to stay over the empty pane.
   */
  void completeTaskAfterRefusal(String taskId) {
    PlaywrightAssertions.assertThat(page.locator(".page-notifications .alert-danger").filter(VISIBLE)).not().hasCount(0);
    submitAndWaitUntilDone(taskId);
    PlaywrightAssertions.assertThat(page.locator(".page-notifications .alert-danger").filter(VISIBLE)).hasCount(0);
  }

  private void submitAndWaitUntilDone(String taskId) {
    page.locator(COMPLETE_BUTTON).click();
    try {
      taskInList(taskId).waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    } catch (PlaywrightException e) {
      screenshot("failed-complete-" + user);
      Locator alerts = page.locator(".alert-danger, .fjs-form-field-error").filter(VISIBLE);
      throw new AssertionError("Tasklist did not complete task " + taskId + " for " + user + ": "
          + (alerts.count() > 0 ? String.join(" | ", alerts.allInnerTexts()) : e.getMessage()), e);
    }
  }

  /** Presses 完成 and waits for Tasklist's error notification with that text (the task stays open). */
  Locator completeExpectingError(String expectedText) {
    dismissNotifications();
    page.locator(COMPLETE_BUTTON).click();
    Locator error = page.locator(".page-notifications .alert-danger",
        new Page.LocatorOptions().setHasText(expectedText)).first();
    error.waitFor();
    return error;
  }

  /** Closes Tasklist's notifications (errors stay until closed), so that the next one is the new one. */
  void dismissNotifications() {
    Locator close = page.locator(".page-notifications .alert button.close").filter(VISIBLE);
    for (int i = 0; i < 10 && close.count() > 0; i++) {
      close.first().click();
    }
    PlaywrightAssertions.assertThat(close).hasCount(0);
  }

  @Override
  public void close() {
    context.close();
  }
}
