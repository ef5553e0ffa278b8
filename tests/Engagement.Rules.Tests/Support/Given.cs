using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Engagement.Rules.Decisions;
using Engagement.Rules.Evaluation;
using Engagement.Rules.Facts;
using Engagement.Rules.Policies;
using NodaTime;
using NodaTime.Testing;

namespace Engagement.Rules.Tests.Support;

/// <summary>Builders of the facts, proposals and evaluators the evaluation tests vary.</summary>
internal static class Given
{
    public const string Vin1 = "1HGCM82633A004352";
    public const string Vin2 = "1M8GDM9AXKP042788";

    /// <summary>Wednesday 2026-06-10 10:00 in New York (EDT, UTC-4).</summary>
    public static Instant Now { get; } = Instant.FromUtc(2026, 6, 10, 14, 0);

    public static LocalDate Today { get; } = new(2026, 6, 10);

    public static Instant LongAgo { get; } = Instant.FromUtc(2025, 1, 1, 12, 0);

    public static ContactPoints Reachable { get; } = new()
    {
        Email = "dana@example.com",
        Phone = "+12125550100",
        PostalAddress = new PostalAddress { Line1 = "1 Main St", City = "Albany", PostalCode = "12207", RegionCode = "NY" },
    };

    public static Customer Customer(
        string id = "C1",
        string zone = "America/New_York",
        string country = "US",
        string? region = "NY",
        IReadOnlyList<ContactChannel>? preferred = null,
        IReadOnlyList<ConsentRecord>? consents = null) => new()
    {
        CustomerId = id,
        FirstName = "Dana",
        LastName = "Reyes",
        TimeZoneId = zone,
        Jurisdiction = new Jurisdiction(country, region),
        ContactPoints = Reachable,
        PreferredChannels = preferred ?? [ContactChannel.Email, ContactChannel.Sms],
        Consents = consents ?? AllMarketing(),
    };

    public static IReadOnlyList<ConsentRecord> AllMarketing() =>
    [
        Grant(ContactChannel.Email),
        Grant(ContactChannel.Sms),
        Grant(ContactChannel.Phone),
    ];

    public static ConsentRecord Grant(ContactChannel channel, ConsentPurpose purpose = ConsentPurpose.Marketing, Instant? at = null, ConsentBasis basis = ConsentBasis.Express)
        => new() { Channel = channel, Purpose = purpose, Status = ConsentStatus.Granted, At = at ?? LongAgo, Basis = basis };

    public static ConsentRecord Withdraw(ContactChannel channel, ConsentPurpose purpose = ConsentPurpose.Marketing, Instant? at = null)
        => new() { Channel = channel, Purpose = purpose, Status = ConsentStatus.Withdrawn, At = at ?? Now - Duration.FromDays(1) };

    public static Dealership Dealership(string zone = "America/New_York", string country = "US", string? region = "NY") => new()
    {
        DealershipId = "D1",
        Name = "Hudson Motors",
        TimeZoneId = zone,
        Jurisdiction = new Jurisdiction(country, region),
    };

    public static Vehicle Vehicle(string vin = Vin1, string owner = "C1", bool owned = true) => new()
    {
        Vin = Rules.Facts.Vin.Parse(vin),
        OwnerCustomerId = owner,
        Make = "Honda",
        Model = "Accord",
        ModelYear = 2023,
        IsOwned = owned,
    };

    public static TouchSent Sent(string id, TouchClass touchClass, string topic, Instant at, ContactChannel channel = ContactChannel.Email, bool engaged = false, string customer = "C1", string? vin = null) => new()
    {
        TouchId = id,
        CustomerId = customer,
        Vin = vin is null ? null : Rules.Facts.Vin.Parse(vin),
        Kind = TouchKind.Reminder,
        Topic = topic,
        Class = touchClass,
        Channel = channel,
        SentAt = at,
        Engaged = engaged,
    };

    public static TouchProposal Proposal(
        string rule,
        TouchClass touchClass = TouchClass.Marketing,
        string? topic = null,
        LocalDate? due = null,
        ContactChannel? channel = null,
        int priority = 0,
        string customer = "C1",
        string? vin = null,
        TouchKind? kind = null,
        LocalTime? time = null,
        LocalDate? expires = null) => new()
    {
        RuleId = rule,
        Kind = kind ?? (touchClass == TouchClass.Marketing ? TouchKind.Offer : TouchKind.Reminder),
        Class = touchClass,
        Topic = topic ?? rule + ".topic",
        CustomerId = customer,
        Vin = vin,
        Channel = channel,
        DueOn = due ?? Today,
        PreferredTime = time,
        ExpiresOn = expires,
        Priority = priority,
        Reason = $"{rule} matched",
    };

    public static CustomerFacts FactsOf(Customer? customer = null, Dealership? dealership = null, params object[] facts)
        => new(customer ?? Customer(), dealership ?? Dealership(), facts);

    /// <summary>An evaluator whose "rules" return the given proposals.</summary>
    public static IEngagementEvaluator Evaluator(PolicyOptions? options, params TouchProposal[] proposals)
        => Evaluator(options, (_, _) => proposals);

    /// <summary>An evaluator whose "rules" are a function of the facts and the evaluation context.</summary>
    public static IEngagementEvaluator Evaluator(PolicyOptions? options, Func<CustomerFacts, EvaluationContext, IEnumerable<TouchProposal>> rules, IClock? clock = null)
    {
        var settings = options ?? PolicyOptions.Default;
        settings.Validate();
        return new DefaultEngagementEvaluator(new FuncProposalSource(rules), clock ?? new FakeClock(Now), settings);
    }

    public static EngagementResult Evaluate(TouchProposal proposal, CustomerFacts? facts = null, PolicyOptions? options = null, Instant? at = null)
        => Evaluator(options, proposal).Evaluate(facts ?? FactsOf(null, null, Vehicle()), at ?? Now);

    public static EngagementResult Evaluate(IEnumerable<TouchProposal> proposals, CustomerFacts? facts = null, PolicyOptions? options = null, Instant? at = null)
        => Evaluator(options, proposals.ToArray()).Evaluate(facts ?? FactsOf(null, null, Vehicle()), at ?? Now);

    private sealed class FuncProposalSource(Func<CustomerFacts, EvaluationContext, IEnumerable<TouchProposal>> rules) : IProposalSource
    {
        public string? RuleSetFingerprint => null;

        public IReadOnlyList<TouchProposal> Propose(CustomerFacts facts, EvaluationContext context, CancellationToken cancellationToken) => rules(facts, context).ToArray();
    }
}
