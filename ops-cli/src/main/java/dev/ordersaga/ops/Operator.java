package dev.ordersaga.ops;

import java.util.Map;
import java.util.stream.Stream;

/** Who is acting, for the replay audit and the saga admin requests: --operator, else $ORDERSAGA_OPERATOR, else $USER. */
public final class Operator {

    public static final String ENV = "ORDERSAGA_OPERATOR";
    static final String UNKNOWN = "unknown";

    private Operator() {
    }

    public static String resolve(String flag, Map<String, String> env) {
        return Stream.of(flag, env.get(ENV), env.get("USER"))
                .filter(name -> name != null && !name.isBlank())
                .map(String::trim)
                .findFirst()
                .orElse(UNKNOWN);
    }
}
