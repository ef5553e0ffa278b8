using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class EngagementEvaluatorTest
{
    [Test]
    public void Evaluate_DeceasedCustomer_GetsNothingNotEvenARecall()
    {
        var facts = FactsOf(Customer() with { Status = CustomerStatus.Deceased }, null, Vehicle());

        var result = Evaluate([Proposal("offer"), Proposal("recall", TouchClass.Safety, "safety.recall", vin: Vin1)], facts);

        result.Decisions.Should().BeEmpty();
        result.Suppressed.Should().HaveCount(2).And.OnlyContain(s => s.Reason == SuppressionReason.StopCondition);
        Steps(result.Suppressed[0]).Should().Contain("customer C1 is deceased");
    }

    [Test]
    public void Evaluate_CustomerMovedAway_GetsOnlySafetyByPostalMail()
    {
        var facts = FactsOf(Customer() with { Status = CustomerStatus.MovedAway }, null, Vehicle());

        var result = Evaluate([Proposal("oil", TouchClass.Service), Proposal("recall", TouchClass.Safety, "safety.recall", vin: Vin1)], facts);

        var recall = result.Decisions.Should().ContainSingle().Subject;
        recall.Channel.Should().Be(ContactChannel.Mail);
        Steps(recall).Should().Contain("moved away: the safety touch goes by postal mail only");
        result.Suppressed.Single().Reason.Should().Be(SuppressionReason.StopCondition);
    }

    [Test]
    public void Evaluate_CustomerMovedAwayWithSafetyByMailDisabled_GetsNothing()
    {
        var options = PolicyOptions.Default with { StopConditions = new StopConditionOptions { SafetyByMailWhenMovedAway = false } };
        var facts = FactsOf(Customer() with { Status = CustomerStatus.MovedAway }, null, Vehicle());

        SingleSuppressed(Evaluate(Proposal("recall", TouchClass.Safety, "safety.recall"), facts, options)).Reason.Should().Be(SuppressionReason.StopCondition);
    }

    [Test]
    public void Evaluate_VehicleNoLongerOwned_NoTouchAboutIt()
    {
        var facts = FactsOf(null, null, Vehicle(owned: false), Vehicle(Vin2));

        var result = Evaluate(
            [Proposal("oil", TouchClass.Service, "service.oil", vin: Vin1), Proposal("tires", TouchClass.Service, "service.tires", vin: Vin2)],
            facts);

        result.Decisions.Should().ContainSingle().Which.Vin.Should().Be(Vin2);
        Steps(result.Suppressed.Single()).Should().Contain($"vehicle {Vin1} is no longer owned");
    }

    [Test]
    public void Evaluate_SixUnengagedEmails_SunsetsEmailAndFallsBackToText()
    {
        var history = Enumerable.Range(1, 6).Select(i => (object)Sent($"T{i}", TouchClass.Service, $"t{i}", Now - Duration.FromDays(40 + i))).ToArray();
        var facts = FactsOf(null, null, [Vehicle(), .. history]);

        var decision = Single(Evaluate(Proposal("offer"), facts));

        decision.Channel.Should().Be(ContactChannel.Sms);
        Steps(decision).Should().Contain("e-mail is sunset: the last 6 e-mails were not engaged with");
    }

    [Test]
    public void Evaluate_EmailSunsetWithoutOtherChannel_IsReportedAsEmailSunset()
    {
        var history = Enumerable.Range(1, 6).Select(i => (object)Sent($"T{i}", TouchClass.Service, $"t{i}", Now - Duration.FromDays(40 + i))).ToArray();
        var customer = Customer(preferred: [ContactChannel.Email], consents: [Grant(ContactChannel.Email)]);

        var result = Evaluate(Proposal("offer"), FactsOf(customer, null, [Vehicle(), .. history]));

        SingleSuppressed(result).Reason.Should().Be(SuppressionReason.EmailSunset);
    }

    [Test]
    public void Evaluate_EngagedEmailInTheStreak_KeepsEmail()
    {
        var history = Enumerable.Range(1, 6).Select(i => (object)Sent($"T{i}", TouchClass.Service, $"t{i}", Now - Duration.FromDays(40 + i), engaged: i == 1)).ToArray();

        Single(Evaluate(Proposal("offer"), FactsOf(null, null, [Vehicle(), .. history]))).Channel.Should().Be(ContactChannel.Email);
    }
}
