using System;

namespace Engagement.Rules.Engine.Model;

/// <summary>
/// A named value bound on the left-hand side of a rule: a matched fact, a computed binding or an aggregate
/// result. Conditions, bindings and actions refer to declarations through their parameters.
/// </summary>
/// <remarks>Declarations compare by reference: two declarations with the same name are different values.</remarks>
public sealed class Declaration
{
    /// <summary>Creates a declaration.</summary>
    /// <param name="name">The name, unique within its rule.</param>
    /// <param name="type">The CLR type of the bound value.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public Declaration(string name, Type type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
    }

    /// <summary>The name, unique within its rule.</summary>
    public string Name { get; }

    /// <summary>The CLR type of the bound value.</summary>
    public Type Type { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Type.Name}";
}
