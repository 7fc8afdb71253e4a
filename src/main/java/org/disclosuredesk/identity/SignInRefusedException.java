package org.disclosuredesk.identity;

import org.springframework.security.authentication.BadCredentialsException;

/** A sign-in refused: wrong credentials, a wait still running ("请 N 秒后再试"), or a door the account may not use. */
public class SignInRefusedException extends BadCredentialsException {

  private final long secondsToWait;

  SignInRefusedException(String message, long secondsToWait) {
    super(message);
    this.secondsToWait = secondsToWait;
  }

  static SignInRefusedException wrongPassword() {
    return new SignInRefusedException("用户名或密码错误", 0);
  }

  static SignInRefusedException waitFor(long seconds) {
    return new SignInRefusedException("尝试次数过多，请 " + seconds + " 秒后再试", seconds);
  }

  /** Seconds until the next try is accepted; 0 when the refusal was not a wait. */
  public long secondsToWait() {
    return secondsToWait;
  }
}
