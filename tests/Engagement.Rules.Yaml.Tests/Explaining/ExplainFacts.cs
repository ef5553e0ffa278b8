using System;
using System.Collections.Generic;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Facts;
using Engagement.Rules.Yaml.Diagnostics;
using NodaTime;

namespace Engagement.Rules.Yaml.Tests.Explaining;

/// <summary>Domain facts and rule loading for the explainer tests (the built-in fact types, the real expression compiler).</summary>
internal static class ExplainFacts
{
    public const string Vin1 = "1HGCM82633A004352";
    public const string Vin2 = "1M8GDM9AXKP042788";

    /// <summary>Tuesday 2026-11-24 10:00 in New York.</summary>
    public static Instant At { get; } = Instant.FromUtc(2026, 11, 24, 15, 0);

    public static LocalDate Today { get; } = new(2026, 11, 24);

    /// <summary>Loads one rule file (it must load) and compiles it.</summary>
    public static CompiledRuleSet Compile(string rules)
    {
        var loaded = new RuleFileLoader().LoadFromText("rules.yaml", "apiVersion: engagement-rules/v1\n" + rules);
        loaded.Success.Should().BeTrue(loaded.FormatDiagnostics());
        return RuleCompiler.Compile(loaded.Rules);
    }

    /// <summary>Loads one rule file (it must load) and compiles it with its load's fingerprint, as the provider and the CLI do.</summary>
    public static CompiledRuleSet CompileWithFingerprint(string rules)
    {
        var loaded = new RuleFileLoader().LoadFromText("rules.yaml", "apiVersion: engagement-rules/v1\n" + rules);
        loaded.Success.Should().BeTrue(loaded.FormatDiagnostics());
        return RuleCompiler.Compile(loaded.Rules, loaded.Fingerprint);
    }

    /// <summary>Where <paramref name="fragment"/> first occurs in a rule file of <see cref="Compile"/> (after its header line).</summary>
    public static SourceLocation Position(string rules, string fragment)
    {
        var lines = rules.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].IndexOf(fragment, StringComparison.Ordinal) is var column and >= 0)
            {
                return new SourceLocation("rules.yaml", i + 2, column + 1);
            }
        }

        throw new ArgumentException($"'{fragment}' is not in the rules.", nameof(fragment));
    }

    public static Customer Customer(string id = "C1", int? household = null, IReadOnlyList<ConsentRecord>? consents = null) => new()
    {
        CustomerId = id,
        FirstName = "Dana",
        LastName = "Smith",
        TimeZoneId = "America/New_York",
        Jurisdiction = new Jurisdiction("US", "NY"),
        ContactPoints = new ContactPoints { Email = "dana@example.com" },
        PreferredChannels = [ContactChannel.Email],
        HouseholdSize = household,
        Consents = consents ?? [],
    };

    public static ConsentRecord EmailMarketing() => new()
    {
        Channel = ContactChannel.Email,
        Purpose = ConsentPurpose.Marketing,
        Status = ConsentStatus.Granted,
        At = Instant.FromUtc(2025, 1, 1, 12, 0),
        Basis = ConsentBasis.Express,
    };

    public static Dealership Dealership() => new()
    {
        DealershipId = "D1",
        Name = "Hudson Motors",
        TimeZoneId = "America/New_York",
        Jurisdiction = new Jurisdiction("US", "NY"),
    };

    public static Vehicle Vehicle(string vin = Vin1, string owner = "C1", bool owned = true, string model = "Accord") => new()
    {
        Vin = Vin.Parse(vin),
        OwnerCustomerId = owner,
        Make = "Honda",
        Model = model,
        ModelYear = 2023,
        IsOwned = owned,
    };

    public static RepairOrder Order(int number, string vin = Vin1, string customer = "C1", decimal total = 100m) => new()
    {
        RepairOrderId = $"RO-{number:D5}",
        Vin = Vin.Parse(vin),
        CustomerId = customer,
        OpenedOn = Today.PlusDays(-number),
        Mileage = 1000 + number,
        Total = total,
    };

    public static Complaint Complaint(string id = "K1", string customer = "C1") => new()
    {
        Id = id,
        CustomerId = customer,
        OpenedOn = Today.PlusDays(-3),
    };

    public static CustomerFacts FactsOf(Customer? customer = null, params object[] facts) =>
        new(customer ?? Customer(), Dealership(), facts);

    public static CustomerFacts FactsOf(IEnumerable<object> facts) => new(Customer(), Dealership(), facts.ToArray());
}
