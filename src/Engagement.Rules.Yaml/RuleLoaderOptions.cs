using System.Collections.Generic;
using Engagement.Rules.Yaml.Expressions;

namespace Engagement.Rules.Yaml;

/// <summary>
/// What a <see cref="RuleFileLoader"/> accepts: the fact types rule files may name and the limits that keep a
/// hostile or broken file from exhausting the host. The defaults suit production; see docs/threat-model.md.
/// </summary>
public sealed record RuleLoaderOptions
{
    /// <summary>
    /// The defaults: the built-in dealership fact types and the documented limits. Shared by the whole process, so
    /// its catalogue is read-only (registering on it throws): to add host types, give new options their own
    /// catalogue (<c>new RuleLoaderOptions { Catalog = BuiltInFactTypes.CreateCatalog().Register&lt;T&gt;() }</c>).
    /// </summary>
    public static RuleLoaderOptions Default { get; } = new() { Catalog = BuiltInFactTypes.CreateCatalog().MakeReadOnly() };

    /// <summary>
    /// The fact types rule files may name; by default a new catalogue of the built-in ones (<see cref="BuiltInFactTypes"/>).
    /// A <see cref="RuleFileLoader"/> created with these options makes it read-only (<see cref="FactTypeCatalog.IsReadOnly"/>).
    /// </summary>
    public FactTypeCatalog Catalog { get; init; } = BuiltInFactTypes.CreateCatalog();

    /// <summary>The largest file read, in bytes (1 MiB by default); a larger file is rejected unread.</summary>
    public int MaxFileBytes { get; init; } = 1024 * 1024;

    /// <summary>The deepest nesting of mappings and lists in a file (64 by default).</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The most rules in one load, over all files (10 000 by default).</summary>
    public int MaxRules { get; init; } = 10_000;

    /// <summary>The most files in one load, includes counted (1 000 by default).</summary>
    public int MaxFiles { get; init; } = 1_000;

    /// <summary>
    /// The longest expression text, in characters (2 000 by default): the one limit on expression length, which the
    /// loader checks (ER0042) and hands to the expression compiler. Must be positive.
    /// </summary>
    public int MaxExpressionLength { get; init; } = 2_000;

    /// <summary>
    /// The expression compiler; replaceable only from inside the assembly (tests). Null: the real one, built with
    /// <see cref="MaxExpressionLength"/>.
    /// </summary>
    internal IExpressionCompiler? ExpressionCompiler { get; init; }

    /// <summary>Every invalid setting, described (no catalogue, a limit that is not positive); empty when the options are valid.</summary>
    /// <returns>The problems, one sentence each, naming the setting.</returns>
    public IReadOnlyList<string> GetErrors()
    {
        var errors = new List<string>();
        if (Catalog is null)
        {
            errors.Add("Catalog is null; leave it at its default or set a catalogue.");
        }

        Positive(errors, MaxFileBytes, nameof(MaxFileBytes));
        Positive(errors, MaxDepth, nameof(MaxDepth));
        Positive(errors, MaxRules, nameof(MaxRules));
        Positive(errors, MaxFiles, nameof(MaxFiles));
        Positive(errors, MaxExpressionLength, nameof(MaxExpressionLength));
        return errors;
    }

    /// <summary>Checks every setting at once, as the <see cref="RuleFileLoader"/> constructor does.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">
    /// A setting is invalid; the message names every problem of <see cref="GetErrors"/> (the type the loader's
    /// constructor throws, there with <c>ParamName</c> <c>options</c>).
    /// </exception>
    public void Validate() => Validate(parameterName: null);

    /// <summary>As <see cref="Validate()"/>, naming the parameter the options came in.</summary>
    internal void Validate(string? parameterName)
    {
        if (GetErrors() is { Count: > 0 } errors)
        {
            throw new System.ArgumentOutOfRangeException(parameterName, "Invalid RuleLoaderOptions: " + string.Join(" ", errors));
        }
    }

    private static void Positive(List<string> errors, int value, string name)
    {
        if (value <= 0)
        {
            errors.Add($"{name} must be positive (was {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");
        }
    }
}
