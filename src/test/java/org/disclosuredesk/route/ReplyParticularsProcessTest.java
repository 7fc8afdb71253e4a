package org.disclosuredesk.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.disclosuredesk.route.RouteTestSupport.at;

import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.disclosuredesk.casefile.Outcome;
import org.disclosuredesk.casefile.WithheldPart;
import org.disclosuredesk.casefile.WithheldParts;
import org.disclosuredesk.casefile.WithholdingGround;
import org.disclosuredesk.letters.LetterType;
import org.disclosuredesk.letters.Letters;
import org.disclosuredesk.report.AnnualReport;
import org.disclosuredesk.report.AnnualReports;
import org.disclosuredesk.report.ReportRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the reply letter says beyond the outcome, collected as fields on the handling and review forms
 * and validated field by field (issue 9 points 3 and 7): the withheld parts of a partial disclosure
 * with their grounds, the responsible agency, where the information is published, the other procedure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.extension.ExtendWith(org.disclosuredesk.coverage.ProcessCoverage.class)
class ReplyParticularsProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RouteTestSupport route;
  @Autowired Letters letters;
  @Autowired WithheldParts withheldParts;
  @Autowired AnnualReports reports;

  @BeforeEach
  void setUp() {
    init(engine);
    at("2026-03-02T09:00");
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void partialDisclosureStatesEveryWithheldPartWithItsGroundAndCountsOnceAsPartial() {
    AnnualReport before = reports.count(2026);
    ProcessInstance pi = route.registerWalkIn("某项目审批会议材料");
    route.acceptFor(pi, "planning");

    // a partial disclosure without its withheld parts, or a part without a ground, is refused field by field
    assertThatThrownBy(() -> route.propose(pi, "PARTIAL")).hasMessageContaining("不予公开的内容");
    assertThatThrownBy(() -> route.propose(pi, "PARTIAL", "withheldPart1", "第3页至第5页讨论记录"))
        .isInstanceOf(RouteInputException.class).hasMessageContaining("不予公开的理由1");
    assertThatThrownBy(() -> route.propose(pi, "PARTIAL", "withheldGround2", "STATE_SECRET"))
        .hasMessageContaining("不予公开的内容2");

    route.propose(pi, "PARTIAL", "withheldPart1", "第3页至第5页讨论记录", "withheldGround1", "PROCESS_INFO",
        "withheldPart2", "第7页第三人身份证号码", "withheldGround2", "THIRD_PARTY_RIGHTS");
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "APPROVE");
    assertThat(pi).isWaitingAt("Task_RecordDelivery");

    String reply = replyText(pi);
    assertThat(reply).contains("第3页至第5页讨论记录：属于四类过程性信息（《中华人民共和国政府信息公开条例》第十六条第二款）",
        "第7页第三人身份证号码：保护第三方合法权益（《中华人民共和国政府信息公开条例》第十五条、第三十二条）",
        "第三十七条").doesNotContain("部分内容依法不应当公开");
    assertThat(withheldParts.of("default", pi.getBusinessKey())).containsExactly(
        new WithheldPart("第3页至第5页讨论记录", WithholdingGround.PROCESS_INFO),
        new WithheldPart("第7页第三人身份证号码", WithholdingGround.THIRD_PARTY_RIGHTS));

    // counted once, as 部分公开, never under 不予公开
    route.deliver(pi, LocalDate.of(2026, 3, 2));
    assertThat(route.caseOf(pi).outcome()).isEqualTo(Outcome.PARTIAL);
    AnnualReport after = reports.count(2026);
    assertThat(total(after, "PARTIAL") - total(before, "PARTIAL")).isEqualTo(1);
    assertThat(total(after, "CONCLUDED_TOTAL") - total(before, "CONCLUDED_TOTAL")).isEqualTo(1);
    for (ReportRow row : after.rows()) {
      if (row.key().startsWith("WITHHELD_")) {
        assertThat(total(after, row.key())).as(row.key()).isEqualTo(total(before, row.key()));
      }
    }
  }

  @Test
  void theReviewerWhoRedactsListsEachWithheldPartWithItsGround() {
    ProcessInstance pi = route.registerWalkIn("某项目审批材料");
    route.acceptFor(pi, "planning");
    route.propose(pi, "DISCLOSE");
    assertThatThrownBy(() -> route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "REDACT",
        "redactions", "遮盖第3页")).hasMessageContaining("不予公开的内容");
    route.complete(pi, "Task_ConfidentialityReview", "reviewResult", "REDACT", "redactions", "遮盖第3页",
        "withheldPart1", "第3页涉密段落", "withheldGround1", "STATE_SECRET");
    assertThat(route.caseOf(pi).outcome()).isEqualTo(Outcome.PARTIAL);
    assertThat(replyText(pi)).contains("第3页涉密段落：属于国家秘密（《中华人民共和国政府信息公开条例》第十四条）", "遮盖第3页");
  }

  @Test
  void notThisAgencyNamesTheResponsibleAgencyAndItsContactFromFields() {
    ProcessInstance pi = route.registerWalkIn("某小区住宅维修资金使用明细");
    route.acceptFor(pi, "planning");
    assertThatThrownBy(() -> route.propose(pi, "NOT_THIS_AGENCY"))
        .hasMessageContaining("负责公开的机关：必须填写").hasMessageContaining("负责机关的联系方式：必须填写");
    route.propose(pi, "NOT_THIS_AGENCY", "responsibleAgency", "示例市住房和城乡建设局",
        "responsibleAgencyContact", "0000-87654321，示例市建设路8号");
    assertThat(replyText(pi)).contains("第三十六条第（五）项",
        "该政府信息由示例市住房和城乡建设局负责公开，联系方式：0000-87654321，示例市建设路8号，请您向该机关提出申请");
  }

  @Test
  void notThisAgencyMaySayTheResponsibleAgencyCannotBeDetermined() {
    ProcessInstance pi = route.registerWalkIn("某外省文件");
    route.acceptFor(pi, "office");
    route.propose(pi, "NOT_THIS_AGENCY", "responsibleAgencyUnknown", true);
    assertThat(replyText(pi)).contains("本机关无法确定负责公开该政府信息的行政机关").doesNotContain("答复要点负责公开");
  }

  @Test
  void alreadyPublicSaysWhereItIsPublishedFromFields() {
    ProcessInstance pi = route.registerWalkIn("2025年本级财政预算");
    route.acceptFor(pi, "finance");
    assertThatThrownBy(() -> route.propose(pi, "ALREADY_PUBLIC")).hasMessageContaining("公开的网址或场所：至少填写一项");
    assertThatThrownBy(() -> route.propose(pi, "ALREADY_PUBLIC", "publishedUrl", "www.example.gov.cn/yusuan"))
        .hasMessageContaining("公开的网址：");
    route.propose(pi, "ALREADY_PUBLIC", "publishedPlace", "本机关门户网站“财政预决算”专栏",
        "publishedUrl", "https://www.example.gov.cn/czyjs/2025.html");
    assertThat(replyText(pi)).contains("第三十六条第（一）项",
        "该政府信息已在本机关门户网站“财政预决算”专栏公开，网址：https://www.example.gov.cn/czyjs/2025.html");
  }

  @Test
  void specialRegimeNamesTheLawAndTheProcedureFromFields() {
    ProcessInstance pi = route.registerWalkIn("某房屋不动产登记簿");
    route.acceptFor(pi, "planning");
    assertThatThrownBy(() -> route.propose(pi, "SPECIAL_REGIME"))
        .hasMessageContaining("规定特别程序的法律、行政法规：必须填写").hasMessageContaining("办理程序：必须填写");
    assertThatThrownBy(() -> route.propose(pi, "SPECIAL_REGIME", "otherProcedureLaw", "不动产登记条例",
        "otherProcedure", "向不动产登记机构申请查询")).hasMessageContaining("书名号");
    route.propose(pi, "SPECIAL_REGIME", "otherProcedureLaw", "《不动产登记暂行条例》",
        "otherProcedure", "持身份证明向示例市不动产登记中心申请查询、复制不动产登记资料");
    assertThat(replyText(pi)).contains("第三十六条第（七）项", "《不动产登记暂行条例》对其获取有特别规定",
        "请您按照该规定办理：持身份证明向示例市不动产登记中心申请查询、复制不动产登记资料");
  }

  private String replyText(ProcessInstance pi) {
    var letter = letters.latest("default", pi.getBusinessKey(), LetterType.REPLY).orElseThrow();
    return letters.html(letter).replaceAll("(?s)<style.*?</style>", "").replaceAll("<[^>]+>", "")
        .replaceAll("\\s+", "");
  }

  private static int total(AnnualReport report, String key) {
    return report.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().value("总计");
  }
}
