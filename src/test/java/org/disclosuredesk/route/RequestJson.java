package org.disclosuredesk.route;

/** Request bodies shared by API tests. */
public final class RequestJson {

  /** A walk-in received 2026-03-02 by a natural person, about a planning document. */
  public static final String WALK_IN = """
      {"channel":"IN_PERSON","receivedOn":"2026-03-02",
       "applicant":{"type":"NATURAL_PERSON","name":"张三","idType":"RESIDENT_ID","idNumber":"11010519491231002X",
                    "phone":"13800000000","email":"zhangsan@example.com","address":"示例市人民路1号"},
       "description":"2025年城市总体规划修编的批复文件","purpose":"研究","format":"PAPER","delivery":"PICKUP"}""";

  private RequestJson() {}
}
