package dev.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code newsbrief completion} prints a bash/zsh script generated from the CLI model: every command and option is in it. */
class CompletionTest {
    @Test
    void theScriptCompletesEveryCommandAndOption() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err));
        assertThat(cli.execute("completion")).isEqualTo(ExitCode.OK);
        String script = out.toString();
        assertThat(script).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_newsbrief", "bashcompinit");

        var visible = cli.getSubcommands().values().stream().map(CommandLine::getCommandSpec)
                .filter(spec -> !spec.usageMessage().hidden()).distinct().toList();
        assertThat(visible).extracting(CommandSpec::name)
                .contains("build", "check", "translations", "serve", "init", "edition", "schedule", "status", "completion");
        String commandList = script.lines().filter(line -> line.contains("local commands=")).findFirst().orElseThrow();
        for (CommandSpec command : visible) {
            assertThat(commandList.replaceAll(".*\"(.*)\".*", "$1").split(" ")).as(command.name()).contains(command.name());
            assertThat(script).contains("function _picocli_newsbrief_" + command.name() + "()");
            String function = script.substring(script.indexOf("function _picocli_newsbrief_" + command.name() + "()"));
            function = function.substring(0, function.indexOf("\n}\n"));
            for (OptionSpec option : command.options()) {
                if (!option.hidden()) {
                    for (String name : option.names()) {
                        assertThat(function).as(command.name() + " " + name).contains(name);
                    }
                }
            }
        }
        assertThat(commandList).doesNotContain("gen-manpage");
    }

    /** Format names complete from the same list as help shows. */
    @Test
    void formatValuesAreCompleted() {
        StringWriter out = new StringWriter();
        NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter())).execute("completion");
        assertThat(out.toString()).contains("local FORMAT_option_args=(\"html\" \"pdf\" \"pack\")");
    }
}
