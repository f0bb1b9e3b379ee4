package dev.mstudio.slackbot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackWordingTest {
    private final SlackWording help = new SlackWording("/jobs");

    @Test
    void slackify_coreHints_nameTheSlashCommandAndDropTheReplSlash() {
        assertThat(help.slackify("Type /help for the list of commands."))
                .isEqualTo("Type /jobs help for the list of commands.");
        assertThat(help.slackify("Unknown command /frob. Did you mean /finetunes?"))
                .isEqualTo("Unknown command frob. Did you mean finetunes?");
        assertThat(help.slackify("Usage: /imports [--status S] [--page N]")).isEqualTo("Usage: imports [--status S] [--page N]");
        assertThat(help.slackify("/help CMD shows one command.")).isEqualTo("/jobs help CMD shows one command.");
        assertThat(help.slackify("The key must end with / (e.g. models/)")).isEqualTo("The key must end with / (e.g. models/)");
    }
}
