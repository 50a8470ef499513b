package io.cutover.sandbox.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the SOQL subset the sandbox answers: {@code SELECT fields|COUNT() FROM Object [WHERE ...]
 * [ORDER BY f [ASC|DESC] [NULLS FIRST|LAST], ...] [LIMIT n] [OFFSET n]}, with AND, OR, NOT, parentheses,
 * = != <> < <= > >=, LIKE, IN and NOT IN over string, number, boolean, null, date and date-time literals.
 */
public final class SoqlParser {

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:"
            + "(?<datetime>\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?(?:Z|[+-]\\d{2}:?\\d{2}))"
            + "|(?<date>\\d{4}-\\d{2}-\\d{2})(?![\\dT])"
            + "|(?<number>-?\\d+(?:\\.\\d+)?)"
            + "|(?<string>'(?:[^'\\\\]|\\\\.)*')"
            + "|(?<word>[A-Za-z_][A-Za-z0-9_.]*)"
            + "|(?<symbol><=|>=|!=|<>|[=<>(),]))");

    private final List<Token> tokens;
    private int position;

    private record Token(String kind, String text) {
        boolean isWord(String keyword) {
            return kind.equals("word") && text.equalsIgnoreCase(keyword);
        }
    }

    private SoqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static SoqlQuery parse(String soql) {
        return new SoqlParser(tokenize(soql == null ? "" : soql)).query();
    }

    private static List<Token> tokenize(String soql) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(soql);
        int at = 0;
        while (at < soql.length()) {
            if (soql.substring(at).isBlank()) {
                break;
            }
            if (!matcher.find(at) || matcher.start() != at) {
                throw malformed(soql.substring(at).strip().split("\\s+")[0]);
            }
            for (String kind : List.of("datetime", "date", "number", "string", "word", "symbol")) {
                if (matcher.group(kind) != null) {
                    tokens.add(new Token(kind, matcher.group(kind)));
                    break;
                }
            }
            at = matcher.end();
        }
        return tokens;
    }

    private SoqlQuery query() {
        expectWord("SELECT");
        List<String> fields = new ArrayList<>();
        boolean count = false;
        if (peek().isWord("COUNT") && position + 1 < tokens.size() && tokens.get(position + 1).text.equals("(")) {
            next();
            expectSymbol("(");
            expectSymbol(")");
            count = true;
        } else {
            do {
                fields.add(expectKind("word").text);
            } while (acceptSymbol(","));
        }
        expectWord("FROM");
        String objectName = expectKind("word").text;
        Condition where = acceptWord("WHERE") ? or() : null;
        List<SoqlQuery.OrderItem> orderBy = new ArrayList<>();
        if (acceptWord("ORDER")) {
            expectWord("BY");
            do {
                orderBy.add(orderItem());
            } while (acceptSymbol(","));
        }
        Integer limit = acceptWord("LIMIT") ? Integer.valueOf(expectKind("number").text) : null;
        Integer offset = acceptWord("OFFSET") ? Integer.valueOf(expectKind("number").text) : null;
        if (position < tokens.size()) {
            throw malformed(peek().text);
        }
        return new SoqlQuery(fields, count, objectName, where, orderBy, limit, offset);
    }

    private SoqlQuery.OrderItem orderItem() {
        String field = expectKind("word").text;
        boolean descending = false;
        if (acceptWord("DESC")) {
            descending = true;
        } else {
            acceptWord("ASC");
        }
        boolean nullsFirst = !descending;
        if (acceptWord("NULLS")) {
            nullsFirst = acceptWord("FIRST");
            if (!nullsFirst) {
                expectWord("LAST");
            }
        }
        return new SoqlQuery.OrderItem(field, descending, nullsFirst);
    }

    private Condition or() {
        List<Condition> parts = new ArrayList<>(List.of(and()));
        while (acceptWord("OR")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.Or(parts);
    }

    private Condition and() {
        List<Condition> parts = new ArrayList<>(List.of(not()));
        while (acceptWord("AND")) {
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
    }

    private Condition not() {
        if (acceptWord("NOT")) {
            return new Condition.Not(not());
        }
        if (acceptSymbol("(")) {
            Condition inner = or();
            expectSymbol(")");
            return inner;
        }
        return simple();
    }

    private Condition simple() {
        String field = expectKind("word").text;
        if (acceptWord("IN")) {
            return new Condition.In(field, false, literalList());
        }
        if (acceptWord("NOT")) {
            expectWord("IN");
            return new Condition.In(field, true, literalList());
        }
        if (acceptWord("LIKE")) {
            return new Condition.Comparison(field, "LIKE", literal());
        }
        Token operator = next();
        if (!operator.kind.equals("symbol") || "(),".contains(operator.text)) {
            throw malformed(operator.text);
        }
        return new Condition.Comparison(field, operator.text.equals("<>") ? "!=" : operator.text, literal());
    }

    private List<Literal> literalList() {
        expectSymbol("(");
        List<Literal> values = new ArrayList<>();
        do {
            values.add(literal());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return values;
    }

    private Literal literal() {
        Token token = next();
        return switch (token.kind) {
            case "string" -> new Literal(Literal.Kind.STRING, unquote(token.text));
            case "number" -> new Literal(Literal.Kind.NUMBER, token.text);
            case "date" -> new Literal(Literal.Kind.DATE, token.text);
            case "datetime" -> new Literal(Literal.Kind.DATETIME, token.text);
            case "word" -> switch (token.text.toLowerCase(Locale.ROOT)) {
                case "true", "false" -> new Literal(Literal.Kind.BOOLEAN, token.text.toLowerCase(Locale.ROOT));
                case "null" -> new Literal(Literal.Kind.NULL, null);
                default -> throw malformed(token.text);
            };
            default -> throw malformed(token.text);
        };
    }

    private static String unquote(String quoted) {
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char escaped = body.charAt(++i);
                text.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> escaped;
                });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private Token peek() {
        return position < tokens.size() ? tokens.get(position) : new Token("end", "<EOF>");
    }

    private Token next() {
        Token token = peek();
        position++;
        return token;
    }

    private boolean acceptWord(String keyword) {
        if (peek().isWord(keyword)) {
            position++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().kind.equals("symbol") && peek().text.equals(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private void expectWord(String keyword) {
        if (!acceptWord(keyword)) {
            throw malformed(peek().text);
        }
    }

    private void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw malformed(peek().text);
        }
    }

    private Token expectKind(String kind) {
        Token token = next();
        if (!token.kind.equals(kind)) {
            throw malformed(token.text);
        }
        return token;
    }

    private static SoqlException malformed(String token) {
        return new SoqlException("MALFORMED_QUERY", "unexpected token: " + token);
    }
}
