using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Loading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Engagement.Rules.Yaml.Syntax;

/// <summary>
/// Turns the bytes of a rule file into a <see cref="SyntaxNode"/> tree, safely: size cap before anything
/// else, strict UTF-8, no tabs in indentation, no anchors, aliases or tags (so no expansion bombs and no
/// type hints), a nesting cap, one document, unique keys; every such problem of a file is reported in one read.
/// Never throws for bad input.
/// </summary>
internal static class YamlSyntaxReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The problems of a file's YAML structure reported before the rest of the file is given up (a file of thousands of anchors stays readable).</summary>
    private const int MaxStructureErrors = 100;

    /// <summary>Reads a file; returns its root node, or null (with diagnostics) when it cannot be read.</summary>
    public static SyntaxNode? Read(string name, byte[] bytes, LoadContext context, out SourceText? source)
    {
        source = null;
        var start = new SourceLocation(name, 1, 1);
        if (bytes.Length > context.Options.MaxFileBytes)
        {
            context.Error(
                DiagnosticCodes.FileTooLarge,
                start,
                $"The file is {bytes.Length} bytes; a rule file may have at most {context.Options.MaxFileBytes}. Split it into several files.");
            return null;
        }

        var text = Decode(name, bytes, context);
        if (text is null)
        {
            return null;
        }

        source = new SourceText(name, text);
        context.AddSource(source);
        if (!CheckTabs(source, context))
        {
            return null;
        }

        var last = start;
        try
        {
            return Parse(source, context, ref last);
        }
        catch (YamlException e)
        {
            var location = new SourceLocation(name, Math.Max(1, (int)e.Start.Line), Math.Max(1, (int)e.Start.Column));
            context.Error(DiagnosticCodes.YamlSyntax, location, $"This is not valid YAML: {Describe(e)}. Check indentation, quotes and brackets here.");
            return null;
        }
        catch (Exception e) when (IsScannerFailure(e))
        {
            context.Error(DiagnosticCodes.YamlSyntax, last, "This is not valid YAML after this point. Check indentation, quotes and brackets.");
            return null;
        }
    }

    /// <summary>
    /// The YAML scanner fails on some malformed input with a bare exception rather than a <see cref="YamlException"/>;
    /// it is still a syntax error, after the last event read (rule files: ER0010; test files too).
    /// </summary>
    internal static bool IsScannerFailure(Exception e) =>
        e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException;

    private static string? Decode(string name, byte[] bytes, LoadContext context)
    {
        var start = new SourceLocation(name, 1, 1);
        if ((bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            || (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF))
        {
            context.Error(DiagnosticCodes.UnsupportedEncoding, start, "The file is UTF-16 or UTF-32 encoded; save it as UTF-8.");
            return null;
        }

        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            var text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
            var nul = text.IndexOf('\0', StringComparison.Ordinal);
            if (nul >= 0)
            {
                var position = SourceText.Position(bytes, StrictUtf8.GetByteCount(text.AsSpan(0, nul)) + offset);
                context.Error(
                    DiagnosticCodes.InvalidUtf8,
                    new SourceLocation(name, position.Line, position.Column),
                    "The file contains a NUL character; a rule file is text. Save it as UTF-8 text.");
                return null;
            }

            return text;
        }
        catch (DecoderFallbackException e)
        {
            var byteOffset = offset + Math.Max(0, e.Index);
            var position = SourceText.Position(bytes, byteOffset);
            context.Error(
                DiagnosticCodes.InvalidUtf8,
                new SourceLocation(name, position.Line, position.Column),
                $"The file is not valid UTF-8: bad byte 0x{bytes[Math.Min(byteOffset, bytes.Length - 1)]:X2} at byte offset {byteOffset}. Save the file as UTF-8.");
            return null;
        }
    }

    private static bool CheckTabs(SourceText source, LoadContext context)
    {
        var ok = true;
        for (var line = 1; source.Line(line) is { } text; line++)
        {
            for (var i = 0; i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == '-'); i++)
            {
                if (text[i] == '\t')
                {
                    context.Error(
                        DiagnosticCodes.TabIndentation,
                        new SourceLocation(source.Name, line, i + 1),
                        "A tab is used for indentation; YAML indents with spaces only. Replace the tab by spaces.");
                    ok = false;
                    break;
                }
            }
        }

        return ok;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes its message with the marks; keep only the explanation.
        var message = e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return (close >= 0 ? message[(close + 3)..] : message).TrimEnd('.');
    }

    /// <summary>
    /// Builds the tree, reporting every problem of the file's YAML structure (anchors, aliases, tags, nesting,
    /// documents, keys) rather than only the first. Anchors and tags are ignored once reported: the value is all
    /// there, so the file is still read for its rules. An alias (whose value is missing) or a second document leaves
    /// no trustworthy tree: the scan goes on for further problems, then the file is not read further (null). A YAML
    /// syntax error (the parser cannot go on) and nesting past the limit (the parser slows down badly on deeper
    /// nesting) stop the scan where they are.
    /// </summary>
    private static SyntaxNode? Parse(SourceText source, LoadContext context, ref SourceLocation last)
    {
        var parser = new Parser(new StringReader(source.Text));
        var stack = new Stack<Builder>();
        SyntaxNode? root = null;
        var documents = 0;
        var before = context.Diagnostics.Items.Count;
        var incomplete = false;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var location = Locate(source.Name, current.Start);
            last = location;
            if (context.Diagnostics.Items.Count - before >= MaxStructureErrors)
            {
                context.Error(DiagnosticCodes.YamlSyntax, location, $"More than {MaxStructureErrors} problems in the file's YAML; the rest of the file is not read. Fix these first.");
                return null;
            }

            if (current is DocumentStart && ++documents > 1)
            {
                context.Error(DiagnosticCodes.MultipleDocuments, location, "A rule file holds one YAML document; remove the '---' and merge the documents, or split them into files.");
                incomplete = true;
            }

            if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                context.Error(DiagnosticCodes.AliasNotAllowed, location, $"Anchors (&{anchored.Anchor.Value}) are not allowed in rule files; write the value out, or use a named condition.");
            }

            if (current is NodeEvent { Tag.IsEmpty: false, Tag.IsNonSpecific: false } tagged)
            {
                context.Error(DiagnosticCodes.TagNotAllowed, location, $"Tags ({Shorthand(tagged.Tag.Value)}) are not allowed in rule files; remove it, every value is text read by its key.");
            }

            switch (current)
            {
                case AnchorAlias alias:
                    context.Error(DiagnosticCodes.AliasNotAllowed, location, $"Aliases (*{alias.Value.Value}) are not allowed in rule files; write the value out, or use a named condition.");
                    incomplete = true;

                    // A stand-in keeps the keys and values of the mapping around it paired, for the checks that follow.
                    Add(new ScalarSyntax(location, string.Empty, isPlain: true, ScalarPositions.At(location)), stack, ref root, context);
                    break;
                case MappingStart or SequenceStart:
                    if (stack.Count >= context.Options.MaxDepth)
                    {
                        // The rest is not scanned: the YAML parser slows down badly on deeper nesting.
                        context.Error(DiagnosticCodes.TooDeep, location, $"The file nests deeper than {context.Options.MaxDepth} levels; flatten it. The rest of the file is not read.");
                        return null;
                    }

                    stack.Push(new Builder(location, current is MappingStart));
                    break;
                case Scalar scalar:
                    var origin = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? location.Shift(1) : location;
                    var positions = ScalarPositions.InFile(source, (int)Math.Min(scalar.Start.Index, int.MaxValue), scalar.Style, scalar.Value, origin);
                    Add(new ScalarSyntax(location, scalar.Value, scalar.Style == ScalarStyle.Plain, positions), stack, ref root, context);
                    break;
                case MappingEnd or SequenceEnd:
                    var done = stack.Pop();
                    Add(done.Build(), stack, ref root, context);
                    break;
            }
        }

        if (incomplete)
        {
            return null;
        }

        // No document at all (only comments or blanks): an empty file, told apart from a broken one.
        var start = new SourceLocation(source.Name, 1, 1);
        return root ?? new ScalarSyntax(start, string.Empty, isPlain: true, ScalarPositions.At(start));
    }

    private static bool Add(SyntaxNode node, Stack<Builder> stack, ref SyntaxNode? root, LoadContext context)
    {
        if (stack.Count == 0)
        {
            root = node;
            return true;
        }

        return stack.Peek().Add(node, context);
    }

    /// <summary>A standard tag as it is written (<c>!!str</c>), not as the parser resolves it (<c>tag:yaml.org,2002:str</c>).</summary>
    private static string Shorthand(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    private static SourceLocation Locate(string name, Mark mark) =>
        new(name, Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    private sealed class Builder
    {
        private readonly SourceLocation _location;
        private readonly bool _isMapping;
        private readonly List<SyntaxNode> _items = new();
        private readonly List<KeyValuePair<ScalarSyntax, SyntaxNode>> _entries = new();
        private readonly Dictionary<string, ScalarSyntax> _keys = new(StringComparer.Ordinal);
        private ScalarSyntax? _pendingKey;
        private bool _skipValue;
        private bool _expectKey = true;

        public Builder(SourceLocation location, bool isMapping)
        {
            _location = location;
            _isMapping = isMapping;
        }

        public bool Add(SyntaxNode node, LoadContext context)
        {
            if (!_isMapping)
            {
                _items.Add(node);
                return true;
            }

            if (_expectKey)
            {
                _expectKey = false;
                _skipValue = false;
                if (node is not ScalarSyntax key)
                {
                    context.Error(DiagnosticCodes.ComplexKey, node.Location, $"A key must be plain text, not {node.KindName}.");
                    _skipValue = true;
                    return false;
                }

                if (_keys.TryGetValue(key.Value, out var first))
                {
                    context.Error(
                        DiagnosticCodes.DuplicateKey,
                        key.Location,
                        $"The key '{key.Value}' appears twice in this mapping (first at line {first.Location.Line.ToString(CultureInfo.InvariantCulture)}); keep one.");
                    _skipValue = true;
                    return false;
                }

                _keys.Add(key.Value, key);
                _pendingKey = key;
                return true;
            }

            _expectKey = true;
            if (!_skipValue)
            {
                _entries.Add(new KeyValuePair<ScalarSyntax, SyntaxNode>(_pendingKey!, node));
            }

            return true;
        }

        public SyntaxNode Build() => _isMapping ? new MappingSyntax(_location, _entries) : new SequenceSyntax(_location, _items);
    }
}
