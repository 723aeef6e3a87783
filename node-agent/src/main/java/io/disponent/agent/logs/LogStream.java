package io.disponent.agent.logs;

/** A task's output stream and its file name in the sandbox. */
public enum LogStream {
  STDOUT("stdout"),
  STDERR("stderr");

  private final String fileName;

  LogStream(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }
}
