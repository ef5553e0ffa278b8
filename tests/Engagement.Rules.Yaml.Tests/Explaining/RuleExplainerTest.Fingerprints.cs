using System;
using Engagement.Rules.Yaml.Explaining;
using NodaTime.Testing;
using static Engagement.Rules.Yaml.Tests.Explaining.ExplainFacts;

namespace Engagement.Rules.Yaml.Tests.Explaining;

/// <summary>An evaluation given to the explainer must be of the rules explained, as far as their fingerprints tell.</summary>
public sealed partial class RuleExplainerTest
{
    private static readonly string OfferV2 = Offer.Replace("test.offer", "test.offer.v2", StringComparison.Ordinal);

    [Test]
    public void Explain_EvaluationOfOtherRules_ThrowsNamingBothFingerprints()
    {
        var decided = CompileWithFingerprint(Offer);
        var explained = CompileWithFingerprint(OfferV2);
        var facts = FactsOf(Customer(consents: [EmailMarketing()]), Vehicle());
        var evaluation = EngagementEvaluator.Create(decided, new FakeClock(At)).Evaluate(facts, At);

        var act = () => new RuleExplainer(explained).Explain(facts, evaluation);

        var thrown = act.Should().Throw<ArgumentException>().Which;
        thrown.ParamName.Should().Be("evaluation");
        thrown.Message.Should().Contain($"decided by rule set {decided.Fingerprint}")
            .And.Contain($"explains rule set {explained.Fingerprint}")
            .And.Contain("customer C1");
    }

    [Test]
    public void ExplainRule_EvaluationOfOtherRules_ThrowsNamingBothFingerprints()
    {
        var decided = CompileWithFingerprint(Offer);
        var explained = CompileWithFingerprint(OfferV2);
        var facts = FactsOf(Customer(consents: [EmailMarketing()]), Vehicle());
        var evaluation = EngagementEvaluator.Create(decided, new FakeClock(At)).Evaluate(facts, At);

        var act = () => new RuleExplainer(explained).ExplainRule(facts, evaluation, "accord-offer");

        act.Should().Throw<ArgumentException>().WithParameterName("evaluation")
            .Which.Message.Should().Contain(decided.Fingerprint!).And.Contain(explained.Fingerprint!);
    }

    [Test]
    public void ExplainRule_EvaluationOfTheSameFilesCompiledAgain_IsExplainedWithItsVerdicts()
    {
        // Another compilation of the same files (another process, a reload without change) is the same rules.
        var decided = CompileWithFingerprint(Offer);
        var explained = CompileWithFingerprint(Offer);
        var facts = FactsOf(Customer(consents: [EmailMarketing()]), Vehicle());
        var evaluation = EngagementEvaluator.Create(decided, new FakeClock(At)).Evaluate(facts, At);

        var rule = new RuleExplainer(explained).ExplainRule(facts, evaluation, "accord-offer");

        explained.Should().NotBeSameAs(decided);
        rule.Decisions.Should().ContainSingle().Which.Topic.Should().Be("test.offer");
    }

    [Test]
    public void ExplainRule_EvaluationWithoutFingerprint_IsTakenAsGiven()
    {
        var decided = Compile(Offer);
        var explained = CompileWithFingerprint(Offer);
        var facts = FactsOf(Customer(consents: [EmailMarketing()]), Vehicle());
        var evaluation = EngagementEvaluator.Create(decided, new FakeClock(At)).Evaluate(facts, At);

        var rule = new RuleExplainer(explained).ExplainRule(facts, evaluation, "accord-offer");

        evaluation.RuleSetFingerprint.Should().BeNull();
        rule.Decisions.Should().ContainSingle("nothing tells the rule sets apart, so the evaluation is not refused");
    }

    [Test]
    public void Explain_ExplainerWithoutFingerprint_TakesAnEvaluationAsGiven()
    {
        var decided = CompileWithFingerprint(Offer);
        var explained = Compile(Offer);
        var facts = FactsOf(Customer(consents: [EmailMarketing()]), Vehicle());
        var evaluation = EngagementEvaluator.Create(decided, new FakeClock(At)).Evaluate(facts, At);

        var explanation = new RuleExplainer(explained).Explain(facts, evaluation);

        evaluation.RuleSetFingerprint.Should().NotBeNull();
        explained.Fingerprint.Should().BeNull();
        explanation.Rules[0].Decisions.Should().ContainSingle();
    }
}
