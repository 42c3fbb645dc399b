/** Message texts that must show exactly as written: markup, scripts, bidi tricks, huge words, emoji. */
export const HOSTILE: readonly string[] = [
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '<b>bold?</b> &amp; &lt;not an entity&gt; &#x41;',
  'javascript:alert(document.cookie)',
  '[click me](javascript:alert(1)) **markdown** _stays_ `text`',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '\u202Egnp.exe\u202C — right-to-left override',
  'Z̷̢̛̛̤͎͇̹̪̟̦̜̲̭͇̪͚̓̔͛͌̀̓̃̀̚͝a̴̡̢̹̞̟̗̹̮͖̰̤̾l̵̢̛̖̹̩̣̝̭̪͓͉̀̈́͒́̽ģ̵̬̮̤̗͈̪̼̞͋̀͌̚͠ͅǫ̷̧̨̖͔̬̬̰̫̱̒̀̋',
  '👩‍👩‍👧‍👦 🏳️‍🌈 🇯🇵 family, flags and ZWJ',
  'مرحبا، كيف يمكنني المساعدة؟ mixed with English',
  'x'.repeat(3000),
  '{{constructor.constructor("alert(1)")()}} ${7*7} %s %n',
  "'; DROP TABLE messages; --",
  '   leading and trailing spaces   ',
  'line one\nline two\n\nline four',
  '\u200B\u200C\u200D\uFEFF invisible characters',
];
