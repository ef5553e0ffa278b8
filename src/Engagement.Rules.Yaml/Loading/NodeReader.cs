using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Engagement.Rules.Yaml.Diagnostics;
using Engagement.Rules.Yaml.Syntax;
using NodaTime;
using NodaTime.Text;

namespace Engagement.Rules.Yaml.Loading;

/// <summary>Reads typed values out of syntax nodes, reporting a located diagnostic for every mismatch.</summary>
internal sealed class NodeReader
{
    private readonly LoadContext _context;

    public NodeReader(LoadContext context)
    {
        _context = context;
    }

    public string? RuleId { get; set; }

    public MappingSyntax? Mapping(SyntaxNode node, string what)
    {
        if (node is MappingSyntax mapping)
        {
            return mapping;
        }

        WrongKind(node, what, "a mapping (key: value lines)");
        return null;
    }

    public SequenceSyntax? Sequence(SyntaxNode node, string what)
    {
        if (node is SequenceSyntax sequence)
        {
            return sequence;
        }

        WrongKind(node, what, "a list (lines starting with '- ', or [a, b])");
        return null;
    }

    public ScalarSyntax? Scalar(SyntaxNode node, string what)
    {
        if (node is ScalarSyntax scalar && !scalar.IsNull)
        {
            return scalar;
        }

        WrongKind(node, what, "a value");
        return null;
    }

    /// <summary>A list of scalars; a single scalar is accepted as a list of one.</summary>
    public IReadOnlyList<ScalarSyntax> ScalarList(SyntaxNode node, string what)
    {
        var result = new List<ScalarSyntax>();
        if (node is ScalarSyntax single && !single.IsNull)
        {
            result.Add(single);
            return result;
        }

        if (Sequence(node, what) is { } sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (Scalar(item, what + " item") is { } scalar)
                {
                    result.Add(scalar);
                }
            }
        }

        return result;
    }

    /// <summary>Reports every key not in <paramref name="allowed"/>; returns false when there was one.</summary>
    public bool Keys(MappingSyntax mapping, IReadOnlyList<string> allowed, string where)
    {
        var ok = true;
        foreach (var entry in mapping.Entries)
        {
            if (!Contains(allowed, entry.Key.Value))
            {
                UnknownKey(entry.Key, allowed, where);
                ok = false;
            }
        }

        return ok;
    }

    public void UnknownKey(ScalarSyntax key, IReadOnlyList<string> allowed, string where) =>
        _context.Error(
            DiagnosticCodes.UnknownKey,
            key.Location,
            $"Unknown key '{key.Value}' in {where}.{DidYouMean.Hint(key.Value, (IReadOnlyCollection<string>)allowed)}",
            RuleId);

    public SyntaxNode? Required(MappingSyntax mapping, string key, string where)
    {
        var node = mapping.Get(key);
        if (node is null || (node is ScalarSyntax scalar && scalar.IsNull))
        {
            _context.Error(DiagnosticCodes.MissingKey, mapping.Location, $"{Capitalise(where)} needs '{key}'.", RuleId);
            return null;
        }

        return node;
    }

    public bool? Bool(SyntaxNode node, string what)
    {
        if (Scalar(node, what) is not { } scalar)
        {
            return null;
        }

        switch (scalar.Value)
        {
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                Invalid(scalar, $"'{what}' is true or false, not '{scalar.Value}'.");
                return null;
        }
    }

    public int? Int(SyntaxNode node, string what)
    {
        if (Scalar(node, what) is not { } scalar)
        {
            return null;
        }

        if (int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Invalid(
            scalar,
            Regex.IsMatch(scalar.Value, "^[+-]?[0-9]+$")
                ? $"'{what}' is out of range: '{scalar.Value}' is beyond {int.MinValue.ToString(CultureInfo.InvariantCulture)} to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}."
                : $"'{what}' is a whole number, not '{scalar.Value}'.");
        return null;
    }

    public LocalDate? Date(SyntaxNode node, string what)
    {
        if (Scalar(node, what) is not { } scalar)
        {
            return null;
        }

        var result = LocalDatePattern.Iso.Parse(scalar.Value);
        if (result.Success)
        {
            return result.Value;
        }

        Invalid(
            scalar,
            Regex.IsMatch(scalar.Value, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
                ? $"'{what}': {scalar.Value} is not a day of the calendar (that month has no such day, or there is no such month)."
                : $"'{what}' is a date written yyyy-MM-dd (e.g. 2026-01-31), not '{scalar.Value}'.");
        return null;
    }

    public LocalTime? Time(SyntaxNode node, string what)
    {
        if (Scalar(node, what) is not { } scalar)
        {
            return null;
        }

        var result = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(scalar.Value);
        if (result.Success)
        {
            return result.Value;
        }

        Invalid(scalar, $"'{what}' is a time of day written HH:mm (e.g. 09:30), not '{scalar.Value}'.");
        return null;
    }

    /// <summary>One of a closed set of words, with a suggestion when misspelt.</summary>
    public string? Choice(SyntaxNode node, string what, IReadOnlyList<string> choices)
    {
        if (Scalar(node, what) is not { } scalar)
        {
            return null;
        }

        if (Contains(choices, scalar.Value))
        {
            return scalar.Value;
        }

        Invalid(scalar, $"'{scalar.Value}' is not a valid {what}.{DidYouMean.Hint(scalar.Value, (IReadOnlyCollection<string>)choices)}");
        return null;
    }

    public void Invalid(SyntaxNode node, string message) =>
        _context.Error(DiagnosticCodes.InvalidValue, node.Location, message, RuleId);

    public void Error(string code, SyntaxNode node, string message) => _context.Error(code, node.Location, message, RuleId);

    private void WrongKind(SyntaxNode node, string what, string expected)
    {
        var found = node is ScalarSyntax { IsNull: true } ? "nothing" : node.KindName;
        _context.Error(DiagnosticCodes.WrongNodeKind, node.Location, $"'{what}' must be {expected}, but here it is {found}.", RuleId);
    }

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (var item in list)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
