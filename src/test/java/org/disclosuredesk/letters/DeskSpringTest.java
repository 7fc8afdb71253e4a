package org.disclosuredesk.letters;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Spring context of the letters, fees and notify tests: the test profile (job executor off,
 * no mail host) and the contact details letters print. One cached context for every class that
 * adds nothing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "disclosure.letters.contact-phone=0000-12345678",
    "disclosure.letters.contact-address=示例市人民路1号市政府政务服务中心一楼政府信息公开接待室",
    "disclosure.letters.seal-text=示例市人民政府办公室（政府信息公开专用章）",
    "disclosure.letters.reconsideration-body=示例市人民政府"})
@ActiveProfiles("test")
@AutoConfigureMockMvc
public @interface DeskSpringTest {}
