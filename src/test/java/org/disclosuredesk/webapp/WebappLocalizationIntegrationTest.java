package org.disclosuredesk.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Camunda webapps (Tasklist, Cockpit, Admin, Welcome) speak Chinese: our {@code zh.json} and
 * {@code config.js} under {@code META-INF/resources/webjars/camunda/app/<app>/} override the webjar's
 * files and are served by the running application.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@ActiveProfiles("test")
class WebappLocalizationIntegrationTest {

  private static final String WEBJAR_APP = "/META-INF/resources/webjars/camunda/app/";
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{2,}");
  /** English values that are technical tokens and stay as they are in Chinese. */
  private static final Pattern UNTRANSLATED_TOKEN =
      Pattern.compile("^(ID\\*?|CSV|JSON|Camunda|<null>|<undefined>|YYYY-MM-DDTHH:mm:ss)$");

  /** Keys whose Chinese value must contain Chinese characters, per app. */
  private static final Map<String, List<String>> KNOWN_KEYS = Map.of(
      "tasklist", List.of("labels.PAGE_LOGIN_SIGN_IN_ACTION", "labels.START_PROCESS", "labels.CREATE_TASK",
          "labels.PAGINATION_NEXT", "labels.BANNER_CE_EOL_TEXT"),
      "cockpit", List.of("labels.PAGE_LOGIN_SIGN_IN_ACTION", "labels.BATCHES_HAS_FAILED_JOBS",
          "labels.PLGN_SEAR_EXPI_BTN_EXPORT_CSV", "labels.TIME_TO_LIVE_POPUP_TITLE_EDIT", "labels.BANNER_CE_EOL_TEXT"),
      "admin", List.of("labels.PAGE_LOGIN_SIGN_IN_ACTION", "labels.DIAGNOSTICS", "labels.AUTHORIZATION_EMPTY",
          "labels.USERS_USER_DELETE_FAILED", "labels.BANNER_CE_EOL_TEXT"),
      "welcome", List.of("labels.PAGE_LOGIN_SIGN_IN_ACTION", "labels.APPLICATIONS", "labels.MY_PROFILE",
          "labels.PAGINATION_PREVIOUS", "labels.BANNER_CE_EOL_TEXT"));

  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  TestRestTemplate rest;

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseLocaleIsServedAndComplete(String app) throws IOException {
    ResponseEntity<byte[]> response = rest.getForEntity("/camunda/app/" + app + "/locales/zh.json", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    byte[] body = response.getBody();
    assertThat(body).isNotEmpty();
    assertThat(body[0]).as("zh.json is UTF-8 without BOM").isEqualTo((byte) '{');
    Map<String, JsonNode> zh = flatten(json.readTree(new String(body, StandardCharsets.UTF_8)));
    Map<String, JsonNode> en = flatten(json.readTree(webjarEnglish(app)));

    for (String key : KNOWN_KEYS.get(app)) {
      assertThat(zh.get(key)).as("%s %s", app, key).isNotNull();
      assertThat(HAN.matcher(zh.get(key).asText()).find()).as("%s %s is Chinese: %s", app, key, zh.get(key)).isTrue();
    }

    assertThat(zh.keySet()).as("%s: zh.json has every key of the 7.24 en.json", app).containsAll(en.keySet());

    for (Map.Entry<String, JsonNode> entry : en.entrySet()) {
      String key = entry.getKey();
      JsonNode english = entry.getValue();
      JsonNode chinese = zh.get(key);
      assertThat(chinese.getNodeType()).as("%s %s type", app, key).isEqualTo(english.getNodeType());
      if (!english.isTextual()) {
        continue;
      }
      String en1 = english.asText();
      String zh1 = chinese.asText();
      assertThat(placeholders(zh1)).as("%s %s keeps the placeholders of %s", app, key, en1)
          .isEqualTo(placeholders(en1));
      if (mustBeTranslated(key, en1)) {
        assertThat(zh1).as("%s %s is translated", app, key).isNotEqualTo(en1);
      }
    }

    // the end-of-life banner text: Chinese, and its link kept
    String banner = zh.get("labels.BANNER_CE_EOL_TEXT").asText();
    assertThat(banner).contains("Camunda 8", "<a href=\"https://docs.camunda.io/", "</a>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configMakesChineseTheDefault(String app) {
    ResponseEntity<byte[]> response = rest.getForEntity("/camunda/app/" + app + "/scripts/config.js", byte[].class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String config = new String(response.getBody(), StandardCharsets.UTF_8);
    assertThat(config)
        .contains("export default {")
        .contains("availableLocales: ['zh', 'en']")
        .contains("fallbackLocale: 'zh'")
        .contains("vendor: '政府信息公开申请办理'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void userStylesHideTheEndOfLifeBanner(String app) {
    ResponseEntity<String> response = rest.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains(".ce-eol-banner").contains("display: none");
  }

  private static boolean mustBeTranslated(String key, String english) {
    if (key.startsWith("dateLocales.longDateFormat.") || key.startsWith("dateLocales.calendar.sameElse")) {
      return false; // moment.js format tokens
    }
    return ENGLISH_WORD.matcher(english).find() && !UNTRANSLATED_TOKEN.matcher(english).matches();
  }

  private static TreeSet<String> placeholders(String text) {
    TreeSet<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The English file shipped in the webjar (which our resources do not override); it starts with a BOM. */
  private static String webjarEnglish(String app) throws IOException {
    String path = WEBJAR_APP + app + "/locales/en.json";
    try (InputStream in = WebappLocalizationIntegrationTest.class.getResourceAsStream(path)) {
      assertThat(in).as("webjar resource %s", path).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
  }

  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    flatten("", root, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
      }
    } else {
      out.put(prefix, node);
    }
  }
}
