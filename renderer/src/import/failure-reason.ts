/**
 * The reason shown beside a failed file's name in an import summary. Import
 * errors name the file they are about ("x.html is named like a web page…"),
 * which reads well alone but twice over beside the name, so a reason that
 * starts with the file's name is shown from the word after it.
 */
export function failureReason(input: string, message: string): string {
  const name = input.split(/[/\\]/).pop() ?? input;
  for (const prefix of [input, name]) {
    if (prefix && message.startsWith(`${prefix} `)) return message.slice(prefix.length + 1);
  }
  return message;
}
