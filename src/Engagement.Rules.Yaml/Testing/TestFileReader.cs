using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Yaml.Loading;
using Engagement.Rules.Yaml.Syntax;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Engagement.Rules.Yaml.Testing;

/// <summary>Reads a <c>*.tests.yaml</c> (or <c>*.tests.yml</c>) file into cases (docs/rule-tests.md).</summary>
internal static class TestFileReader
{
    public const string ApiVersion = "engagement-rule-tests/v1";

    private const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Lists and mappings nested deeper than this are refused, as the rule loader refuses them (ER0013).</summary>
    private const int MaxDepth = 64;

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly string[] FileKeys = ["apiVersion", "rules", "defaults", "cases"];
    private static readonly string[] DefaultKeys = ["at", "customer", "dealership", "facts"];
    private static readonly string[] CaseKeys = ["name", "description", "at", "customer", "dealership", "facts", "expect", "expectNot", "expectSuppressed", "nothingElse"];
    private static readonly string[] ExpectationKeys = ["topic", "rule", "kind", "class", "customer", "vehicle", "channel", "due", "reason"];
    private static readonly LocalDateTimePattern LocalMinutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    public static IReadOnlyList<RuleTestCase> Read(string path)
    {
        var file = Path.GetFullPath(path);
        try
        {
            return ReadCases(file);
        }
        catch (TestFileException ex)
        {
            return [new RuleTestCase(file, "(file)", ex.Line, null, $"{file}:{ex.Line}: {ex.Message}")];
        }
        catch (YamlException ex)
        {
            return [new RuleTestCase(file, "(file)", (int)ex.Start.Line, null, $"{file}:{ex.Start.Line}: not valid YAML: {ex.Message}")];
        }
        catch (IOException ex)
        {
            return [new RuleTestCase(file, "(file)", 0, null, $"{file}: cannot be read: {ex.Message}")];
        }
        catch (UnauthorizedAccessException ex)
        {
            return [new RuleTestCase(file, "(file)", 0, null, $"{file}: cannot be read: {ex.Message}")];
        }
    }

    /// <summary>The one failing case of a test file refused unread: the reason, at the file's first line.</summary>
    public static RuleTestCase Refused(string file, string reason) => new(file, "(file)", 1, null, $"{file}:1: {reason}");

    private static List<RuleTestCase> ReadCases(string file)
    {
        if (!BoundedFile.IsRegularFile(file))
        {
            throw new TestFileException(1, "This is not a regular file (a named pipe, device or socket): reading it could block or never end, so it is not read.");
        }

        if (new FileInfo(file).Length > MaxFileBytes)
        {
            throw new TestFileException(1, $"The file is larger than {MaxFileBytes} bytes; split it.");
        }

        var text = ReadText(file);
        CheckStructure(text);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new TestFileException(1, $"A test file is one YAML mapping starting with 'apiVersion: {ApiVersion}'.");
        }

        CheckKeys(root, FileKeys, "a test file");
        var version = root.Children.TryGetValue(new YamlScalarNode("apiVersion"), out var v) ? Text(v, "apiVersion") : null;
        if (version != ApiVersion)
        {
            throw new TestFileException(Line(v ?? root), $"A test file starts with 'apiVersion: {ApiVersion}'{(version is null ? string.Empty : $" (found '{version}')")}.");
        }

        var folder = Path.GetDirectoryName(file)!;
        var rules = Get(root, "rules") is { } rulesNode
            ? Items(rulesNode, "rules").Select(n => RulePath(folder, n)).ToArray()
            : [folder];

        var defaults = Get(root, "defaults") is { } d ? Mapping(d, "defaults") : new YamlMappingNode();
        CheckKeys(defaults, DefaultKeys, "'defaults'");

        if (Get(root, "cases") is not { } casesNode)
        {
            throw new TestFileException(Line(root), "A test file needs 'cases': a list of cases.");
        }

        var cases = new List<RuleTestCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in Items(casesNode, "cases"))
        {
            index++;
            var name = item is YamlMappingNode m && Get(m, "name") is YamlScalarNode n && !string.IsNullOrWhiteSpace(n.Value)
                ? n.Value!
                : string.Create(CultureInfo.InvariantCulture, $"case {index}");
            try
            {
                if (!names.Add(name))
                {
                    throw new TestFileException(Line(item), $"The case name '{name}' is used twice in this file; names identify cases in test reports.");
                }

                cases.Add(new RuleTestCase(file, name, Line(item), Case(item, defaults, rules), null));
            }
            catch (TestFileException ex)
            {
                cases.Add(new RuleTestCase(file, name, Line(item), null, $"{file}:{ex.Line}: case '{name}': {ex.Message}"));
            }
        }

        if (cases.Count == 0)
        {
            throw new TestFileException(Line(casesNode), "'cases' is empty; a test file needs at least one case.");
        }

        return cases;
    }

    private static CaseSpec Case(YamlNode node, YamlMappingNode defaults, IReadOnlyList<string> rules)
    {
        var mapping = Mapping(node, "a case");
        CheckKeys(mapping, CaseKeys, "a case");
        if (Get(mapping, "name") is null)
        {
            throw new TestFileException(Line(node), "A case needs a 'name'.");
        }

        var atNode = Get(mapping, "at") ?? Get(defaults, "at") ?? throw new TestFileException(Line(node), "The case has no 'at' (the evaluation instant, e.g. 2026-03-10T15:00:00Z), nor do the defaults.");
        var at = InstantOf(atNode, "at");
        var customer = Merge(Get(defaults, "customer"), Get(mapping, "customer"), "customer")
            ?? throw new TestFileException(Line(node), "The case has no 'customer', nor do the defaults.");
        var dealership = Merge(Get(defaults, "dealership"), Get(mapping, "dealership"), "dealership")
            ?? throw new TestFileException(Line(node), "The case has no 'dealership', nor do the defaults.");
        var defaultFacts = FactItems(Get(defaults, "facts"));
        var caseFacts = FactItems(Get(mapping, "facts"));

        var expected = Expectations(Get(mapping, "expect"), "expect", allowReason: false);
        var notExpected = Expectations(Get(mapping, "expectNot"), "expectNot", allowReason: false);
        var suppressed = Expectations(Get(mapping, "expectSuppressed"), "expectSuppressed", allowReason: true);
        var nothingElse = Get(mapping, "nothingElse") is { } ne && Bool(ne, "nothingElse");
        if (expected.Count + notExpected.Count + suppressed.Count == 0 && !nothingElse)
        {
            throw new TestFileException(Line(node), "The case expects nothing; give 'expect', 'expectNot', 'expectSuppressed' or 'nothingElse: true'.");
        }

        return new CaseSpec(rules, at, customer, dealership, defaultFacts, caseFacts, expected, notExpected, suppressed, nothingElse);
    }

    private static YamlNode[] FactItems(YamlNode? source) =>
        source is null or YamlScalarNode { Value: null or "" or "~" or "null" } ? [] : Items(source, "facts").ToArray();

    private static List<TouchExpectation> Expectations(YamlNode? node, string what, bool allowReason)
    {
        var result = new List<TouchExpectation>();
        if (node is null)
        {
            return result;
        }

        foreach (var item in Items(node, what))
        {
            var m = Mapping(item, $"an item of '{what}'");
            CheckKeys(m, allowReason ? ExpectationKeys : ExpectationKeys.Where(k => k != "reason").ToArray(), $"an item of '{what}'");
            if (m.Children.Count == 0)
            {
                throw new TestFileException(Line(item), $"An item of '{what}' is empty; give at least a 'topic'.");
            }

            var e = new TouchExpectation(Line(item))
            {
                Topic = Optional(m, "topic"),
                Rule = Optional(m, "rule"),
                RuleLine = Get(m, "rule") is { } ruleNode ? Line(ruleNode) : 0,
                Kind = Get(m, "kind") is { } k ? KindOf(k) : null,
                Class = Get(m, "class") is { } c ? EnumOf<TouchClass>(c, "class") : null,
                Customer = Optional(m, "customer"),
                CustomerLine = Get(m, "customer") is { } customerNode ? Line(customerNode) : 0,
                Vehicle = Get(m, "vehicle") is { } v ? VinOf(v) : null,
                Channel = Get(m, "channel") is { } ch ? EnumOf<ContactChannel>(ch, "channel") : null,
                Reason = Get(m, "reason") is { } r ? EnumOf<SuppressionReason>(r, "reason") : null,
            };
            if (Get(m, "due") is { } due)
            {
                e = Due(e, due);
            }

            result.Add(e);
        }

        return result;
    }

    /// <summary>A touch kind read as the rule files read it (lower case), so that an expectation can match one.</summary>
    private static TouchKind KindOf(YamlNode node)
    {
        var text = Text(node, "kind");
        try
        {
            return new TouchKind(text);
        }
        catch (ArgumentException)
        {
            var lower = text.ToLowerInvariant();
            var hint = lower != text && IsKind(lower) ? $" Did you mean '{lower}'?" : string.Empty;
            throw new TestFileException(Line(node), $"'kind' is '{text}'; expected a touch kind as the rule files write it: lower-case letters, digits and '-' (e.g. reminder, offer, thank-you).{hint}");
        }
    }

    private static bool IsKind(string text)
    {
        try
        {
            _ = new TouchKind(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A VIN, normalised as the facts normalise it; an invalid one could never match a decision.</summary>
    private static string VinOf(YamlNode node)
    {
        var text = Text(node, "vehicle");
        return Vin.TryParse(text, out var vin, out var problem)
            ? vin.Value
            : throw new TestFileException(Line(node), $"'vehicle' is '{text}', which is not a VIN: {problem.Message}");
    }

    private static TouchExpectation Due(TouchExpectation e, YamlNode node)
    {
        var text = Text(node, "due");
        if (text.Length == 10)
        {
            var date = LocalDatePattern.Iso.Parse(text);
            return date.Success ? e with { DueDate = date.Value } : throw Bad(node, "due", text, "a date (2026-03-10), a local time (2026-03-10T09:00) or an instant (2026-03-10T15:00:00Z)");
        }

        if (text.EndsWith('Z') || OffsetDateTimePattern.ExtendedIso.Parse(text).Success)
        {
            return e with { DueAt = InstantOf(node, "due") };
        }

        var local = LocalMinutes.Parse(text);
        if (!local.Success)
        {
            local = LocalDateTimePattern.ExtendedIso.Parse(text);
        }

        return local.Success ? e with { DueLocal = local.Value } : throw Bad(node, "due", text, "a date (2026-03-10), a local time (2026-03-10T09:00) or an instant (2026-03-10T15:00:00Z)");
    }

    /// <summary>Deep merge: mappings merge key by key (the case wins), anything else is replaced.</summary>
    private static YamlMappingNode? Merge(YamlNode? defaults, YamlNode? own, string what)
    {
        if (own is null)
        {
            return defaults is null ? null : Mapping(defaults, what);
        }

        if (defaults is null)
        {
            return Mapping(own, what);
        }

        // Field names are not case-sensitive (the facts' JSON reader ignores case), so the case's 'birthDate'
        // replaces the default 'BirthDate' rather than standing beside it.
        var result = new YamlMappingNode();
        var ownMapping = Mapping(own, what);
        var defaultMapping = Mapping(defaults, what);
        foreach (var pair in defaultMapping.Children)
        {
            if (FieldOf(ownMapping, pair.Key) is null)
            {
                result.Add(pair.Key, pair.Value);
            }
        }

        foreach (var pair in ownMapping.Children)
        {
            var inherited = FieldOf(defaultMapping, pair.Key);
            result.Add(pair.Key, pair.Value is YamlMappingNode && inherited is YamlMappingNode ? Merge(inherited, pair.Value, what)! : pair.Value);
        }

        return result;
    }

    internal static int Line(YamlNode node) => (int)node.Start.Line;

    // A test file is held to its folder as a rule file's includes are held to the rule folder: it names rule files
    // and folders beside it or below it, never an absolute path or one leading out (through '..' or a link), so a
    // test file cannot make the runner read, and quote in a diagnostic, a file such as /etc/passwd.
    private static string RulePath(string folder, YamlNode node)
    {
        var relative = Text(node, "rules");
        if (Path.IsPathRooted(relative) || relative.Contains(':', StringComparison.Ordinal) || relative.StartsWith('~'))
        {
            throw new TestFileException(Line(node), $"'rules' names '{relative}', an absolute path; write it relative to this test file.");
        }

        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(folder, relative)));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new TestFileException(Line(node), $"'rules' names '{relative}', which is not a valid path: {ex.Message}");
        }

        if (!string.Equals(full, folder, StringComparison.Ordinal) && RuleFileSet.LeavesRoot(full, folder))
        {
            throw new TestFileException(Line(node), $"'rules' names '{relative}', which leaves the test file's folder '{folder}'; a test file loads rule files and folders beside it or below it.");
        }

        if (!Directory.Exists(full) && !RuleFileSet.IsRuleFile(Path.GetFileName(full)))
        {
            throw new TestFileException(Line(node), $"'rules' names '{relative}', which is not a rule file (.yaml or .yml, not .tests.yaml) or a folder.");
        }

        return full;
    }

    private static bool Next(Parser parser, int line)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (Exception ex) when (YamlSyntaxReader.IsScannerFailure(ex))
        {
            throw new TestFileException(line, "This is not valid YAML after this point; check indentation, quotes and brackets.");
        }
    }

    // Strict UTF-8: a byte that is not UTF-8 would otherwise become U+FFFD in a name or an expected value.
    private static string ReadText(string file)
    {
        var bytes = BoundedFile.Read(file, MaxFileBytes)
            ?? throw new TestFileException(1, $"The file holds more than {MaxFileBytes} bytes (a device, or a file that grew); split it.");
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.StartsWith('\uFEFF') ? text[1..] : text;
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            var at = Math.Clamp(ex.Index, 0, bytes.Length);
            var line = SourceText.Position(bytes, at).Line;
            throw new TestFileException(line, string.Create(CultureInfo.InvariantCulture, $"The file is not UTF-8 text (a byte that is not UTF-8 at byte {at}); save it as UTF-8."));
        }
    }

    // YamlStream builds its tree recursively, and an alias is the same node as its anchor: a file nested a million
    // levels deep would overflow the stack (ending the process, whatever catches exceptions), and a few lines of
    // aliases of aliases ("billion laughs") would be expanded by every walk of the tree. Both are refused first, on
    // the events of the parser, which is not recursive.
    private static void CheckStructure(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var line = 1;
        while (Next(parser, line))
        {
            line = (int)parser.Current!.Start.Line;
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.AnchorAlias alias:
                    throw new TestFileException((int)alias.Start.Line, $"Aliases (*{alias.Value}) are not supported in test files; repeat the value.");
                case YamlDotNet.Core.Events.NodeEvent { Anchor.IsEmpty: false } anchored:
                    throw new TestFileException((int)anchored.Start.Line, $"Anchors (&{anchored.Anchor}) are not supported in test files; repeat the value.");
                case YamlDotNet.Core.Events.SequenceStart or YamlDotNet.Core.Events.MappingStart when ++depth > MaxDepth:
                    throw new TestFileException((int)parser.Current.Start.Line, string.Create(CultureInfo.InvariantCulture, $"The file nests more than {MaxDepth} levels of lists and mappings here; flatten it."));
                case YamlDotNet.Core.Events.SequenceEnd or YamlDotNet.Core.Events.MappingEnd:
                    depth--;
                    break;
            }
        }
    }

    private static YamlNode? FieldOf(YamlMappingNode mapping, YamlNode key) =>
        key is YamlScalarNode { Value: { } name }
            ? mapping.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: { } other } && string.Equals(name, other, StringComparison.OrdinalIgnoreCase)).Value
            : null;

    internal static YamlNode? Get(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Optional(YamlMappingNode mapping, string key) => Get(mapping, key) is { } node ? Text(node, key) : null;

    private static YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw new TestFileException(Line(node), $"{what} must be a mapping (key: value lines).");

    private static IEnumerable<YamlNode> Items(YamlNode node, string what) =>
        node is YamlSequenceNode sequence ? sequence.Children : throw new TestFileException(Line(node), $"'{what}' must be a list ('- ' items).");

    private static string Text(YamlNode node, string what) =>
        node is YamlScalarNode { Value: { } value } ? value : throw new TestFileException(Line(node), $"'{what}' must be a single value.");

    private static bool Bool(YamlNode node, string what) => Text(node, what) switch
    {
        "true" => true,
        "false" => false,
        var text => throw Bad(node, what, text, "true or false"),
    };

    private static Instant InstantOf(YamlNode node, string what)
    {
        var text = Text(node, what);
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return offset.Success ? offset.Value.ToInstant() : throw Bad(node, what, text, "an instant such as 2026-03-10T15:00:00Z or 2026-03-10T09:00:00-06:00");
    }

    private static T EnumOf<T>(YamlNode node, string what)
        where T : struct, Enum
    {
        var text = Text(node, what);
        return Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0])
            ? value
            : throw Bad(node, what, text, "one of " + string.Join(", ", Enum.GetNames<T>()));
    }

    private static TestFileException Bad(YamlNode node, string what, string text, string expected) =>
        new(Line(node), $"'{what}' is '{text}'; expected {expected}.");

    private static void CheckKeys(YamlMappingNode mapping, IReadOnlyList<string> allowed, string what)
    {
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                var near = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
                throw new TestFileException(
                    Line(key),
                    $"Unknown key '{name}' in {what}.{(near is null ? string.Empty : $" Did you mean '{near}'?")} Allowed: {string.Join(", ", allowed)}.");
            }
        }
    }
}
