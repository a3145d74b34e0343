using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CallVault.Web.Tests.TestSupport;

/// <summary>The syntax of one exposition line: HELP/TYPE and sample lines, label pairs, escapes and numbers.</summary>
internal static partial class PrometheusLineSyntax
{
    public static List<KeyValuePair<string, string>> ParseLabels(string text, string where)
    {
        var labels = new List<KeyValuePair<string, string>>();
        var position = 0;
        while (position < text.Length)
        {
            var label = LabelPair().Match(text, position);
            if (!label.Success || label.Index != position)
            {
                throw new FormatException($"{where}: malformed labels");
            }

            var key = label.Groups["key"].Value;
            if (labels.Any(l => l.Key == key))
            {
                throw new FormatException($"{where}: label {key} repeated");
            }

            labels.Add(new(key, Unescape(label.Groups["value"].Value, allowQuote: false, where)));
            position += label.Length;
            if (position < text.Length)
            {
                if (text[position] != ',')
                {
                    throw new FormatException($"{where}: labels not separated by commas");
                }

                position++;
            }
        }

        return labels;
    }

    public static string Unescape(string text, bool allowQuote, string where)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '"' && !allowQuote))
            {
                throw new FormatException($"{where}: unescaped character");
            }

            if (text[i] != '\\')
            {
                builder.Append(text[i]);
                continue;
            }

            if (++i >= text.Length)
            {
                throw new FormatException($"{where}: dangling backslash");
            }

            builder.Append(text[i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' when !allowQuote => '"',
                _ => throw new FormatException($"{where}: unknown escape \\{text[i]}"),
            });
        }

        return builder.ToString();
    }

    public static double ParseNumber(string text, string where) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => throw new FormatException($"{where}: bad number {text}"),
    };

    [GeneratedRegex(@"^# (?<kind>HELP|TYPE) (?<name>[a-zA-Z_:][a-zA-Z0-9_:]*) (?<rest>.*)$")]
    public static partial Regex MetaLine();

    // Label values are quoted and may hold any character, braces included (a route such as "/api/x/{id:guid}").
    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>(?:[^""}]|""(?:\\.|[^""\\])*"")*)\})? (?<value>\S+)( -?\d+)?$")]
    public static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(\\.|[^""\\])*)""")]
    private static partial Regex LabelPair();
}
