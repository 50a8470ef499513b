package io.cutover.architecture;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds SQL written into Java sources: the text of every string (a concatenation read as one text, with {@code ?} for
 * what is not a literal), parsed by javac so that comments and names are not read as strings.
 *
 * <p>Data changes and schema statements count wherever they stand. A {@code SELECT … FROM} counts when it reads one
 * of the state store's tables: the engine also writes SOQL, the target's query language, which shares SQL's select
 * and names an sObject ({@code Account}, or a variable) where SQL names a table.
 */
final class SqlText {

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern WRITES = Pattern.compile(
            "(?is)\\b(insert\\s+into|delete\\s+from|merge\\s+into|(?:create|alter|drop|truncate)\\s+table)\\s+[\\w?]"
                    + "|\\bupdate\\s+[\\w?]+\\s+set\\s");

    private final Pattern readsAStoreTable;

    private SqlText(Collection<String> storeTables) {
        String tables = storeTables.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        this.readsAStoreTable = Pattern.compile("(?is)\\bselect\\s.*?\\b(?:from|join)\\s+(?:" + tables + ")\\b");
    }

    /** The tables the migrations in {@code migrations} create. */
    static SqlText forTablesOf(Path migrations) {
        Set<String> tables;
        try (Stream<Path> files = Files.list(migrations)) {
            tables = files.filter(file -> file.toString().endsWith(".sql"))
                    .flatMap(file -> CREATE_TABLE.matcher(read(file)).results().map(match -> match.group(1)))
                    .map(table -> table.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("No create table in " + migrations);
        }
        return new SqlText(tables);
    }

    static SqlText forTables(Collection<String> storeTables) {
        return new SqlText(storeTables);
    }

    boolean isSql(String text) {
        return WRITES.matcher(text).find() || readsAStoreTable.matcher(text).find();
    }

    /** The strings holding SQL in the Java files below {@code folder}, as {@code file:line: text}. */
    List<String> findIn(Path folder) {
        return findIn(javaFilesBelow(folder));
    }

    /** The strings holding SQL in {@code sources}, as {@code file:line: text}. */
    List<String> findIn(Collection<Path> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(sources);
            JavacTask task = (JavacTask) javac.getTask(null, fileManager, null, List.of("-proc:none"), null, units);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            List<String> found = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                new StringsScanner(unit, positions, found).scan(unit, null);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class StringsScanner extends TreeScanner<Void, Void> {

        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private final List<String> found;

        StringsScanner(CompilationUnitTree unit, SourcePositions positions, List<String> found) {
            this.unit = unit;
            this.positions = positions;
            this.found = found;
        }

        @Override
        public Void visitBinary(BinaryTree node, Void unused) {
            if (node.getKind() != Tree.Kind.PLUS || !holdsAString(node)) {
                return super.visitBinary(node, unused);
            }
            StringBuilder text = new StringBuilder();
            List<ExpressionTree> others = new ArrayList<>();
            flatten(node, text, others);
            check(node, text.toString());
            others.forEach(other -> scan(other, unused));
            return null;
        }

        @Override
        public Void visitLiteral(LiteralTree node, Void unused) {
            if (node.getKind() == Tree.Kind.STRING_LITERAL) {
                check(node, (String) node.getValue());
            }
            return null;
        }

        private boolean holdsAString(ExpressionTree node) {
            if (node.getKind() == Tree.Kind.STRING_LITERAL) {
                return true;
            }
            return node instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS
                    && (holdsAString(binary.getLeftOperand()) || holdsAString(binary.getRightOperand()));
        }

        private void flatten(ExpressionTree node, StringBuilder text, List<ExpressionTree> others) {
            if (node instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
                flatten(binary.getLeftOperand(), text, others);
                flatten(binary.getRightOperand(), text, others);
            } else if (node.getKind() == Tree.Kind.STRING_LITERAL) {
                text.append(((LiteralTree) node).getValue());
            } else {
                text.append('?');
                others.add(node);
            }
        }

        private void check(Tree node, String text) {
            if (isSql(text)) {
                long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, node));
                found.add(Path.of(unit.getSourceFile().toUri()) + ":" + line + ": " + text.strip());
            }
        }
    }

    static List<Path> javaFilesBelow(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
