namespace CallVault.Web.Tests.Deployment;

/// <summary>
/// The block-style YAML subset the compose file is written in: nested maps, lists of scalars,
/// plain, single- and double-quoted scalars, flow lists kept as their text, comments. Anything
/// else (tabs, anchors, multi-line scalars, duplicate keys, odd indentation) is a
/// <see cref="FormatException"/>, so the file stays readable by this parser and by Compose alike.
/// </summary>
internal static class MiniYaml
{
    public static Dictionary<string, object?> Parse(string text)
    {
        var lines = new List<(int Indent, string Content, int Number)>();
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            if (raw.Contains('\t', StringComparison.Ordinal))
            {
                throw new FormatException($"line {number}: tab");
            }

            var content = StripComment(raw).TrimEnd();
            if (content.Trim().Length == 0)
            {
                continue;
            }

            if (content.TrimStart().StartsWith('&') || content.Contains(" &", StringComparison.Ordinal) || content.Contains(" *", StringComparison.Ordinal)
                || content.TrimEnd().EndsWith('|') || content.TrimEnd().EndsWith('>'))
            {
                throw new FormatException($"line {number}: anchors, aliases and block scalars are outside the supported subset");
            }

            lines.Add((content.Length - content.TrimStart().Length, content.Trim(), number));
        }

        var position = 0;
        var root = lines.Count == 0 ? [] : ParseMap(lines, ref position, 0);
        if (position != lines.Count)
        {
            throw new FormatException($"line {lines[position].Number}: unexpected indentation");
        }

        return root;
    }

    private static object ParseBlock(List<(int Indent, string Content, int Number)> lines, ref int position, int indent) =>
        lines[position].Content.StartsWith("- ", StringComparison.Ordinal) || lines[position].Content == "-"
            ? ParseList(lines, ref position, indent)
            : ParseMap(lines, ref position, indent);

    private static Dictionary<string, object?> ParseMap(List<(int Indent, string Content, int Number)> lines, ref int position, int indent)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (position < lines.Count && lines[position].Indent == indent)
        {
            var (_, content, number) = lines[position];
            var colon = KeyEnd(content) ?? throw new FormatException($"line {number}: expected 'key: value'");
            var key = Unquote(content[..colon], number);
            var rest = content[(colon + 1)..].Trim();
            position++;
            object? value;
            if (rest.Length > 0)
            {
                value = Unquote(rest, number);
            }
            else if (position < lines.Count && lines[position].Indent > indent)
            {
                value = ParseBlock(lines, ref position, lines[position].Indent);
            }
            else
            {
                value = null;
            }

            if (!map.TryAdd(key, value))
            {
                throw new FormatException($"line {number}: duplicate key {key}");
            }
        }

        if (position < lines.Count && lines[position].Indent > indent)
        {
            throw new FormatException($"line {lines[position].Number}: unexpected indentation");
        }

        return map;
    }

    private static List<object?> ParseList(List<(int Indent, string Content, int Number)> lines, ref int position, int indent)
    {
        var list = new List<object?>();
        while (position < lines.Count && lines[position].Indent == indent && lines[position].Content.StartsWith('-'))
        {
            var (_, content, number) = lines[position];
            var item = content[1..].Trim();
            if (KeyEnd(item) is not null && !item.StartsWith('"') && !item.StartsWith('\''))
            {
                throw new FormatException($"line {number}: maps inside lists are outside the supported subset");
            }

            list.Add(Unquote(item, number));
            position++;
        }

        return list;
    }

    /// <summary>The colon ending a key: followed by a space or the end of the line, outside quotes.</summary>
    private static int? KeyEnd(string content)
    {
        var quote = '\0';
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'' && i == 0)
            {
                quote = c;
            }
            else if (c == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }
        }

        return null;
    }

    private static string Unquote(string scalar, int number)
    {
        if (scalar.Length >= 2 && (scalar[0] == '"' || scalar[0] == '\''))
        {
            if (scalar[^1] != scalar[0])
            {
                throw new FormatException($"line {number}: unterminated quote");
            }

            return scalar[1..^1];
        }

        if (scalar.StartsWith('"') || scalar.StartsWith('\'') || scalar.StartsWith('{'))
        {
            throw new FormatException($"line {number}: unsupported scalar {scalar}");
        }

        return scalar;
    }

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i];
            }
        }

        return line;
    }
}
