using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Engagement.Rules.Decisions;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
using NodaTime;
using static Engagement.Rules.Tests.Support.Given;

namespace Engagement.Rules.Tests.Evaluation;

public sealed partial class EngagementEvaluatorTest
{
    private static readonly string[] Zones = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Pacific/Honolulu", "Nowhere/Unknown"];

    /// <summary>Stand-in rules that vary with the customer: a service reminder per vehicle, an offer, a greeting.</summary>
    private static IEnumerable<TouchProposal> VariedRules(CustomerFacts facts, EvaluationContext context)
    {
        var id = facts.Customer.CustomerId;
        foreach (var vehicle in facts.Facts.OfType<Vehicle>())
        {
            yield return Proposal("oil", TouchClass.Service, "service.oil", context.Today, customer: id, vin: vehicle.Vin.Value);
        }

        yield return Proposal("offer", TouchClass.Marketing, "offer.accessories", context.Today, priority: id.Length % 3, customer: id, time: new LocalTime(7 + (id.Length % 5), 0));
        yield return Proposal("birthday", TouchClass.Relationship, "relationship.birthday", context.Today.PlusDays(1), customer: id, kind: TouchKind.Greeting, channel: ContactChannel.Sms);
    }

    private static CustomerFacts VariedCustomer(int i)
    {
        var id = "CUST-" + i.ToString(CultureInfo.InvariantCulture).PadLeft(i % 4 + 1, '0');
        var consents = (i % 3) switch
        {
            0 => AllMarketing(),
            1 => [Grant(ContactChannel.Sms), Withdraw(ContactChannel.Sms)],
            _ => (IReadOnlyList<ConsentRecord>)[],
        };
        var customer = Customer(id, Zones[i % Zones.Length], consents: consents);
        var facts = new List<object>();
        if (i % 2 == 0)
        {
            facts.Add(Vehicle(owner: id));
        }

        if (i % 5 == 0)
        {
            facts.Add(new Complaint { Id = "CP-" + id, CustomerId = id, OpenedOn = Today });
        }

        if (i % 7 == 0)
        {
            facts.Add(Sent("S-" + id, TouchClass.Service, "service.oil", Now - Duration.FromDays(3), customer: id, vin: i % 2 == 0 ? Vin1 : null));
        }

        return new CustomerFacts(customer, Dealership(), facts);
    }

    private static string Summary(EngagementResult result) =>
        result.CustomerId + "@" + result.EvaluatedAt + ": "
        + string.Join(", ", result.Decisions.Select(d => $"{d.RuleId}/{d.Channel}/{d.DueAt}/{d.IdempotencyKey}/{string.Join(";", d.Explanation.Steps)}"))
        + " | " + string.Join(", ", result.Suppressed.Concat(result.HeldOut).Select(s => $"{s.Proposal.RuleId}:{s.Reason}:{string.Join(";", s.Explanation.Steps)}"))
        + " | " + string.Join(", ", result.Diagnostics);

    [Test]
    public async Task EvaluateAsync_WithParallelism4_GivesTheSequentialResultsInInputOrder()
    {
        var options = PolicyOptions.Default with { Holdouts = new HoldoutOptions { GlobalPercent = 10 } };
        var evaluator = Evaluator(options, VariedRules);
        var customers = Enumerable.Range(0, 300).Select(VariedCustomer).ToArray();
        var sequential = customers.Select(c => Summary(evaluator.Evaluate(c, Now))).ToArray();

        var parallel = new List<string>();
        await foreach (var result in evaluator.EvaluateAsync(ToAsync(customers, new Counter()), 4, CancellationToken.None))
        {
            parallel.Add(Summary(result));
        }

        parallel.Should().Equal(sequential);
        sequential.Should().Contain(s => s.Contains("LostArbitration", StringComparison.Ordinal), "the scenario exercises the policies")
            .And.Contain(s => s.Contains("HeldOut", StringComparison.Ordinal))
            .And.Contain(s => s.Contains("/Email/", StringComparison.Ordinal));
    }

    [Test]
    public async Task EvaluateAsync_TokenGivenThroughWithCancellation_StopsTheBatch()
    {
        var evaluator = Evaluator(null, VariedRules);
        using var cancellation = new CancellationTokenSource();
        var consumed = 0;

        var act = async () =>
        {
            // No token argument (it defaults to none): the one given to WithCancellation is honoured.
            await foreach (var result in evaluator.EvaluateAsync(ToAsync(Enumerable.Range(0, 50).Select(VariedCustomer), new Counter()), 2).WithCancellation(cancellation.Token))
            {
                consumed++;
                await cancellation.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        consumed.Should().Be(1);
    }

    [Test]
    public async Task EvaluateAsync_ReadsTheSourceOnlyAsResultsAreTaken()
    {
        var evaluator = Evaluator(null, VariedRules);
        var counter = new Counter();
        var consumed = 0;

        await foreach (var result in evaluator.EvaluateAsync(ToAsync(Enumerable.Range(0, 50).Select(VariedCustomer), counter), 3, CancellationToken.None))
        {
            consumed++;
            (counter.Read - consumed).Should().BeLessThanOrEqualTo(3, "at most the degree of parallelism is in flight");
        }

        consumed.Should().Be(50);
    }

    [Test]
    public async Task EvaluateAsync_FailingCustomer_YieldsADiagnosticAndTheBatchGoesOn()
    {
        var evaluator = Evaluator(null, (facts, context) => facts.Customer.CustomerId == "CUST-0003"
            ? throw new InvalidOperationException("rule 'boom' failed")
            : VariedRules(facts, context));
        var results = new List<EngagementResult>();

        await foreach (var result in evaluator.EvaluateAsync(ToAsync(Enumerable.Range(0, 6).Select(VariedCustomer), new Counter()), 2, CancellationToken.None))
        {
            results.Add(result);
        }

        results.Should().HaveCount(6);
        var failed = results.Single(r => r.Diagnostics.Any(d => d.Code == EngagementDiagnosticCode.EvaluationFailed));
        failed.CustomerId.Should().Be("CUST-0003");
        failed.Diagnostics.Single().Message.Should().Contain("CUST-0003").And.Contain("rule 'boom' failed");
    }

    [Test]
    public async Task EvaluateAsync_Cancelled_StopsWithOperationCanceled()
    {
        var evaluator = Evaluator(null, VariedRules);
        using var cancellation = new CancellationTokenSource();
        var taken = 0;

        var act = async () =>
        {
            await foreach (var result in evaluator.EvaluateAsync(ToAsync(Enumerable.Range(0, 50).Select(VariedCustomer), new Counter()), 2, cancellation.Token))
            {
                taken++;
                await cancellation.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        taken.Should().BeLessThan(50);
    }

    [Test]
    public void Evaluate_FailingRules_ThrowsNamingTheCustomer()
    {
        var evaluator = Evaluator(null, (_, _) => throw new InvalidOperationException("loop"));

        var act = () => evaluator.Evaluate(FactsOf(), Now);

        act.Should().Throw<EngagementEvaluationException>().Which.CustomerId.Should().Be("C1");
    }

    [Test]
    public void Evaluate_WithoutInstant_UsesTheClock()
    {
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 1, 5, 15, 0));
        var evaluator = Evaluator(null, (_, context) => [Proposal("offer", due: context.Today)], clock);

        var result = evaluator.Evaluate(FactsOf());

        result.EvaluatedAt.Should().Be(clock.GetCurrentInstant());
        result.Decisions.Single().DueLocal.Date.Should().Be(new LocalDate(2026, 1, 5));
    }

    private static async IAsyncEnumerable<CustomerFacts> ToAsync(IEnumerable<CustomerFacts> customers, Counter counter)
    {
        foreach (var customer in customers)
        {
            await Task.Yield();
            Interlocked.Increment(ref counter.Read);
            yield return customer;
        }
    }

    private sealed class Counter
    {
        public int Read;
    }
}
