using System.Collections.Generic;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.DependencyInjection.Tests.Support;

/// <summary>A host-defined fact: a trade-in appraisal the dealer management system records.</summary>
public sealed record TradeInAppraisal(string CustomerId, long OfferCents);

/// <summary>Facts and rule texts shared by the tests.</summary>
internal static class Given
{
    /// <summary>Wednesday 2026-06-10 10:00 in New York.</summary>
    public static Instant Now { get; } = Instant.FromUtc(2026, 6, 10, 14, 0);

    public static Customer Customer(string id = "C1") => new()
    {
        CustomerId = id,
        FirstName = "Dana",
        LastName = "Reyes",
        TimeZoneId = "America/New_York",
        Jurisdiction = new Jurisdiction("US", "NY"),
        ContactPoints = new ContactPoints { Email = "dana@example.com", Phone = "+12125550100" },
        PreferredChannels = [ContactChannel.Email],
        Consents = [Grant(ContactChannel.Email, ConsentPurpose.Marketing), Grant(ContactChannel.Email, ConsentPurpose.Service)],
    };

    public static Dealership Dealership() => new()
    {
        DealershipId = "D1",
        Name = "Hudson Motors",
        TimeZoneId = "America/New_York",
        Jurisdiction = new Jurisdiction("US", "NY"),
    };

    public static CustomerFacts For(string id, params IEnumerable<object> facts) => new(Customer(id), Dealership(), facts);

    /// <summary>Proposes a trade-in offer when an appraisal beats a threshold: uses the host fact type.</summary>
    public static string TradeInRule(string topic = "sales.trade-in", long thresholdCents = 500_000) => $$"""
        apiVersion: engagement-rules/v1
        rules:
          - id: trade-in-offer
            when:
              - customer: Customer
              - appraisal: TradeInAppraisal
                where: appraisal.customerId == customer.customerId and appraisal.offerCents > {{thresholdCents}}
            then:
              - touch:
                  kind: offer
                  class: marketing
                  topic: {{topic}}
                  reason: "A trade-in offer above the threshold"
        """;

    public const string BrokenRule = """
        apiVersion: engagement-rules/v1
        rules:
          - id: broken
            when:
              - customer: Custmer
            then:
              - touch: { kind: offer, class: marketing, topic: t }
        """;

    private static ConsentRecord Grant(ContactChannel channel, ConsentPurpose purpose) => new()
    {
        Channel = channel,
        Purpose = purpose,
        Status = ConsentStatus.Granted,
        At = Instant.FromUtc(2025, 1, 1, 12, 0),
        Basis = ConsentBasis.Express,
    };
}
