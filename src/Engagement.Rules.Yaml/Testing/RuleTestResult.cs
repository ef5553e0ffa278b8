namespace Engagement.Rules.Yaml.Testing;

/// <summary>The outcome of one rule test case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Passed">Whether every expectation held.</param>
/// <param name="Message">
/// For a failure: each unmet expectation (expected vs actual), then every decision and suppression of the
/// evaluation with the rule that proposed it, its reason and the policy steps. For a pass: a one-line summary.
/// </param>
public sealed record RuleTestResult(RuleTestCase Case, bool Passed, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {Case}{(Passed ? string.Empty : System.Environment.NewLine + Message)}";
}
