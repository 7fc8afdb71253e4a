package org.disclosuredesk.supervision;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the queries over the case register ({@code select … from dd_case …}) that the application
 * runs while {@link #recording}, with their parameters written in as literals, so that a test can ask
 * PostgreSQL how it would run them (EXPLAIN). A bean post-processor wraps the application's data source.
 */
final class CaseQueryCapture {

  static final List<String> QUERIES = new CopyOnWriteArrayList<>();
  static volatile boolean recording;

  private CaseQueryCapture() {}

  /** Wraps the application's data source. */
  static BeanPostProcessor wrappingDataSources() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource ds && !(bean instanceof DelegatingDataSource) ? wrap(ds) : bean;
      }
    };
  }

  static DataSource wrap(DataSource target) {
    return new DelegatingDataSource(target) {
      @Override
      public Connection getConnection() throws SQLException {
        return connection(super.getConnection());
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        return connection(super.getConnection(username, password));
      }
    };
  }

  private static Connection connection(Connection c) {
    return (Connection) Proxy.newProxyInstance(CaseQueryCapture.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(c, method, args);
          if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
              && isCaseQuery(sql)) {
            return statement((PreparedStatement) result, sql);
          }
          return result;
        });
  }

  private static PreparedStatement statement(PreparedStatement ps, String sql) {
    Map<Integer, Object> params = new TreeMap<>();
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
        params.put(i, method.getName().equals("setNull") ? null : args[1]);
      } else if (method.getName().startsWith("execute") && recording) {
        QUERIES.add(literal(sql, params));
      }
      return invoke(ps, method, args);
    };
    return (PreparedStatement) Proxy.newProxyInstance(CaseQueryCapture.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, handler);
  }

  private static boolean isCaseQuery(String sql) {
    String s = sql.strip().toLowerCase(Locale.ROOT);
    return s.startsWith("select") && s.matches("(?s).*\\bfrom dd_case\\b.*");
  }

  /** The SQL with each {@code ?} replaced by its parameter as a literal. */
  static String literal(String sql, Map<Integer, Object> params) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (char ch : sql.toCharArray()) {
      if (ch == '?') {
        Object v = params.get(++n);
        out.append(v == null ? "null"
            : v instanceof Number ? v.toString()
            : v instanceof LocalDate || v instanceof java.sql.Date ? "date '" + v + "'"
            : "'" + v.toString().replace("'", "''") + "'");
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
