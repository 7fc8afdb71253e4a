package org.disclosuredesk.tasklist;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A Camunda Form (form-js, as bundled in the 7.24 Tasklist) found by its Chinese field labels. form-js
 * draws selects as its own dropdown (not a {@code <select>}), dates with flatpickr (yyyy/mm/dd) and
 * shows its validation messages under the field ({@code .fjs-form-field-error}).
 */
final class CamundaForm {

  private static final DateTimeFormatter FLATPICKR = DateTimeFormatter.ofPattern("yyyy/MM/dd");

  private final Page page;
  private final Locator form;

  CamundaForm(Page page, Locator form) {
    this.page = page;
    this.form = form;
  }

  Locator root() {
    return form;
  }

  /** The field whose label starts with (or contains) the given text. */
  Locator field(String label) {
    return form.locator(".fjs-form-field").filter(new Locator.FilterOptions()
        .setHas(page.locator("label.fjs-form-field-label", new Page.LocatorOptions().setHasText(label)))).first();
  }

  void fill(String label, String value) {
    field(label).locator("input, textarea").first().fill(value);
  }

  /** form-js select: open its dropdown and pick the option by its label. */
  void select(String label, String option) {
    Locator field = field(label);
    field.locator(".fjs-input-group").click();
    field.locator(".fjs-dropdownlist-item", new Locator.LocatorOptions().setHasText(option)).first().click();
    field.locator(".fjs-select-display", new Locator.LocatorOptions().setHasText(option)).waitFor();
  }

  /** The text a select shows (its chosen option's label). */
  String selected(String label) {
    return field(label).locator(".fjs-select-display").innerText().trim();
  }

  /** form-js radio: the option by its exact label. */
  void choose(String option) {
    form.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(option).setExact(true)).check();
  }

  /** form-js date (flatpickr): typed as yyyy/mm/dd and confirmed with Enter. */
  void date(String label, LocalDate date) {
    Locator input = field(label).locator("input.flatpickr-input");
    input.fill(FLATPICKR.format(date));
    input.press("Enter");
  }

  /** form-js's own validation message under a field. */
  Locator error(String label) {
    return field(label).locator(".fjs-form-field-error");
  }
}
