namespace Engagement.Rules.Engine.Model;

/// <summary>Whether a rule fires again for a match whose facts were updated after it fired.</summary>
public enum RuleRepeatability
{
    /// <summary>An update of any fact in a fired match re-activates the rule (the default).</summary>
    Repeatable = 0,

    /// <summary>A match fires at most once for as long as it exists, whatever updates its facts see.</summary>
    NonRepeatable = 1,
}
