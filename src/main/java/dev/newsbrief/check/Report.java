package dev.newsbrief.check;

import java.util.List;

/** What a check run found, sorted file by file and line by line. */
public record Report(List<Problem> problems) {
    public Report {
        problems = problems.stream().distinct().sorted().toList();
    }

    public long errors() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warnings() {
        return problems.size() - errors();
    }

    public boolean hasErrors() {
        return errors() > 0;
    }

    /** One line per problem, then a summary line ("2 errors, 1 warning" or "no problems found"). */
    public String text() {
        StringBuilder text = new StringBuilder();
        problems.forEach(problem -> text.append(problem.format()).append('\n'));
        text.append(summary()).append('\n');
        return text.toString();
    }

    public String summary() {
        if (problems.isEmpty()) {
            return "no problems found";
        }
        return count(errors(), "error") + ", " + count(warnings(), "warning");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The report as JSON, for CI: {@code {"errors":n,"warnings":m,"problems":[{…}]}}. */
    public String json() {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = mapper.createObjectNode();
        root.put("errors", errors());
        root.put("warnings", warnings());
        var list = root.putArray("problems");
        for (Problem problem : problems) {
            var node = list.addObject();
            node.put("severity", problem.severity().id());
            node.put("file", problem.file());
            node.put("line", problem.line());
            node.put("column", problem.column());
            node.put("field", problem.field());
            node.put("message", problem.message());
            node.put("hint", problem.hint());
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
