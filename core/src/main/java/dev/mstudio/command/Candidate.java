package dev.mstudio.command;

/**
 * One completion: the text to insert, a short description (status, model, age; or what an option
 * does), and whether it completes the word (a space may follow) or is only a prefix of more.
 */
public record Candidate(String value, String description, boolean complete) {
}
