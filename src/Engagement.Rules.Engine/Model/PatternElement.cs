using System;
using System.Collections.Generic;

namespace Engagement.Rules.Engine.Model;

/// <summary>Matches facts of one type that satisfy every condition, and binds each to a declaration.</summary>
public sealed class PatternElement : RuleElement
{
    /// <summary>Creates a pattern.</summary>
    /// <param name="declaration">The declaration the matched fact is bound to; its type is the fact type.</param>
    /// <param name="conditions">The conditions; each must refer to <paramref name="declaration"/>.</param>
    /// <exception cref="ArgumentException">A condition does not refer to <paramref name="declaration"/>.</exception>
    public PatternElement(Declaration declaration, IReadOnlyList<ConditionElement>? conditions = null)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        Declaration = declaration;
        Conditions = (conditions ?? Array.Empty<ConditionElement>()).AsReadOnlyCopy();
        foreach (var condition in Conditions)
        {
            if (!Contains(condition.Parameters, declaration))
            {
                throw new ArgumentException(
                    $"A condition of pattern '{declaration.Name}' does not refer to it: {condition}.", nameof(conditions));
            }
        }
    }

    /// <summary>The declaration the matched fact is bound to.</summary>
    public Declaration Declaration { get; }

    /// <summary>The type of facts this pattern matches (facts of derived types match too).</summary>
    public Type FactType => Declaration.Type;

    /// <summary>The conditions, all of which must hold.</summary>
    public IReadOnlyList<ConditionElement> Conditions { get; }

    private static bool Contains(IReadOnlyList<Declaration> declarations, Declaration declaration)
    {
        foreach (var d in declarations)
        {
            if (ReferenceEquals(d, declaration))
            {
                return true;
            }
        }

        return false;
    }
}
