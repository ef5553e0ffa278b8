using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Engagement.Rules.Engine.Model;

/// <summary>
/// One production rule in the canonical rule model: metadata, a left-hand side that says when the rule
/// matches, and the actions run when it fires. Every rule language (YAML, the C# rule builder)
/// translates into this model, which the compiler turns into a Rete network.
/// </summary>
public sealed class RuleDefinition
{
    /// <summary>Creates a rule definition.</summary>
    /// <param name="id">The unique, stable rule identifier.</param>
    /// <param name="leftHandSide">The conditions that must hold for the rule to match.</param>
    /// <param name="actions">The actions run, in order, each time the rule fires.</param>
    /// <param name="priority">Salience: higher priorities fire first.</param>
    /// <param name="description">A human-readable description.</param>
    /// <param name="tags">Free-form tags.</param>
    /// <param name="properties">Free-form properties carried to diagnostics and actions.</param>
    /// <param name="repeatability">Whether the rule fires again when facts of a match are updated.</param>
    /// <exception cref="ArgumentException">The id is empty or there is no action.</exception>
    public RuleDefinition(
        string id,
        AndElement leftHandSide,
        IReadOnlyList<ActionElement> actions,
        int priority = 0,
        string? description = null,
        IReadOnlyList<string>? tags = null,
        IReadOnlyDictionary<string, object?>? properties = null,
        RuleRepeatability repeatability = RuleRepeatability.Repeatable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(leftHandSide);
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            throw new ArgumentException($"Rule '{id}' has no action.", nameof(actions));
        }

        Id = id;
        LeftHandSide = leftHandSide;
        Actions = actions.AsReadOnlyCopy();
        Priority = priority;
        Description = description ?? string.Empty;
        Tags = (tags ?? Array.Empty<string>()).AsReadOnlyCopy();
        Properties = new ReadOnlyDictionary<string, object?>(
            new Dictionary<string, object?>(properties ?? new Dictionary<string, object?>(), StringComparer.Ordinal));
        Repeatability = repeatability;
    }

    /// <summary>The unique, stable rule identifier.</summary>
    public string Id { get; }

    /// <summary>A human-readable description.</summary>
    public string Description { get; }

    /// <summary>Salience: activations of higher-priority rules fire first.</summary>
    public int Priority { get; }

    /// <summary>The key of the property that says where the rule was written (see <see cref="Properties"/>).</summary>
    public const string SourceProperty = "source";

    /// <summary>Free-form tags.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>
    /// Free-form properties carried to diagnostics and actions. A string property <see cref="SourceProperty"/>
    /// (where the rule was written, e.g. <c>rules/offers.yaml:12:5</c>, as the YAML loader sets it) is named in the
    /// message of a <see cref="RuleConditionException"/> or <see cref="RuleActionException"/> of the rule.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Properties { get; }

    /// <summary>Whether the rule fires again when facts of an already-fired match are updated.</summary>
    public RuleRepeatability Repeatability { get; }

    /// <summary>The conditions that must hold for the rule to match (an implicit conjunction).</summary>
    public AndElement LeftHandSide { get; }

    /// <summary>The actions run, in order, each time the rule fires.</summary>
    public IReadOnlyList<ActionElement> Actions { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
