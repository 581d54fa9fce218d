package org.spack.cachesearch.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does on the page and what they see, in the page's own terms; every action waits
 * until the page has shown its answer (it counts finished views in {@code body[data-loads]}).
 */
final class PageDriver {
  private final WebFixture fixture;
  private final ChromeDriver driver;
  private final WebDriverWait wait;

  PageDriver(WebFixture fixture) {
    this.fixture = fixture;
    this.driver = fixture.driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /** Loads the page at {@code query} (e.g. {@code ?q=x}) and waits for its first view. */
  PageDriver open(String query) {
    driver.get(fixture.url(query));
    wait.until(d -> loads() >= 1);
    return this;
  }

  private int loads() {
    Object n = driver.executeScript("return Number(document.body.dataset.loads || 0)");
    return ((Number) n).intValue();
  }

  /** Runs {@code action} and waits until the page has shown the view it led to. */
  PageDriver then(Runnable action) {
    int before = loads();
    action.run();
    wait.until(d -> loads() > before);
    return this;
  }

  /** Types into the field {@code id} (after clearing it) and presses Enter. */
  PageDriver search(String id, String text) {
    return then(
        () -> {
          WebElement field = find("#" + id);
          field.clear();
          field.sendKeys(text, Keys.ENTER);
        });
  }

  /** Types into the field {@code id} without submitting. */
  PageDriver type(String id, String text) {
    find("#" + id).sendKeys(text);
    return this;
  }

  /** Presses the Search button. */
  PageDriver submit() {
    return then(() -> find("#go").click());
  }

  PageDriver choose(String selectId, String value) {
    return then(() -> new Select(find("#" + selectId)).selectByValue(value));
  }

  PageDriver tick(String facet, String value) {
    return then(() -> find(facetBox(facet, value)).click());
  }

  PageDriver click(String css) {
    return then(() -> find(css).click());
  }

  PageDriver back() {
    return then(() -> driver.navigate().back());
  }

  PageDriver forward() {
    return then(() -> driver.navigate().forward());
  }

  /** Waits (up to the same bound) until {@code condition} holds, e.g. after a value search. */
  void until(Supplier<Boolean> condition) {
    wait.ignoring(StaleElementReferenceException.class).until(d -> condition.get());
  }

  static String facetBox(String facet, String value) {
    return "fieldset[data-facet='" + facet + "'] input[type=checkbox][value='" + value + "']";
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  List<String> texts(String css) {
    return all(css).stream().map(WebElement::getText).toList();
  }

  /** The total the page shows, from {@code #total[data-total]}. */
  int total() {
    return Integer.parseInt(find("#total").getDomAttribute("data-total"));
  }

  /** A facet's values with their counts, in the page's order. */
  Map<String, Integer> facet(String key) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (WebElement item : all("fieldset[data-facet='" + key + "'] li")) {
      String count = item.findElement(By.cssSelector(".count")).getText().replace(",", "");
      counts.put(
          item.getDomAttribute("data-value"), count.isEmpty() ? -1 : Integer.parseInt(count));
    }
    return counts;
  }

  boolean ticked(String facet, String value) {
    return find(facetBox(facet, value)).isSelected();
  }

  String value(String id) {
    return find("#" + id).getDomProperty("value");
  }

  /** Console messages at level SEVERE since the last call: errors the page hit or logged. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  ChromeDriver driver() {
    return driver;
  }
}
