using Engagement.Rules.Policies;

namespace Engagement.Rules.Yaml.Testing;

/// <summary>How a <see cref="RuleTestRunner"/> loads rules and evaluates cases.</summary>
public sealed record RuleTestOptions
{
    /// <summary>The defaults: the default loader options and policy options.</summary>
    public static RuleTestOptions Default { get; } = new();

    /// <summary>The loader options (fact type catalogue and limits) used for the rules and for the facts' type names.</summary>
    public RuleLoaderOptions Loader { get; init; } = RuleLoaderOptions.Default;

    /// <summary>The policy settings the cases are evaluated with, as in production.</summary>
    public PolicyOptions Policy { get; init; } = PolicyOptions.Default;
}
