using System;
using System.Linq;
using System.Threading.Tasks;
using Engagement.Rules.Yaml.Testing;
using Engagement.Rules.Yaml.Tests.Support;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>A catalogue in use cannot change: the shared defaults and a loader's own catalogue are read-only.</summary>
public sealed class FactTypeCatalogTest
{
    private const string HostFactRule = """
        apiVersion: engagement-rules/v1
        rules:
          - id: host-fact
            when: [ { fleet: FleetAccount } ]
            then: [ { signal: { name: s, customer: "'C1'" } } ]
        """;

    [Test]
    public void Register_OnTheDefaultOptionsCatalog_ThrowsAndANewLoaderStillRejectsTheType()
    {
        var act = () => RuleLoaderOptions.Default.Catalog.Register<FleetAccount>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*read-only*BuiltInFactTypes.CreateCatalog()*");
        RuleLoaderOptions.Default.Catalog.Names.Should().NotContain(nameof(FleetAccount));
        new RuleFileLoader().LoadFromText("t.yaml", HostFactRule).Single("ER1003");
    }

    [Test]
    public void Register_OnACopyOfTheDefaultOptions_Throws()
    {
        var options = RuleLoaderOptions.Default with { MaxRules = 5 };

        var act = () => options.Catalog.Register<FleetAccount>();

        act.Should().Throw<InvalidOperationException>();
        options.Catalog.IsReadOnly.Should().BeTrue();
    }

    [Test]
    public void Register_OnTheDefaultTestOptionsCatalog_Throws()
    {
        var act = () => RuleTestOptions.Default.Loader.Catalog.Register<FleetAccount>("FleetAccount");

        act.Should().Throw<InvalidOperationException>();
    }

    [Test]
    public void Register_AfterALoaderWasCreatedWithTheCatalog_Throws()
    {
        var catalog = BuiltInFactTypes.CreateCatalog();
        _ = new RuleFileLoader(new RuleLoaderOptions { Catalog = catalog });

        var act = () => catalog.Register<FleetAccount>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*FleetAccount*");
        catalog.IsReadOnly.Should().BeTrue();
    }

    [Test]
    public void Register_BeforeTheLoaderIsCreated_IsAcceptedByThatLoader()
    {
        var catalog = BuiltInFactTypes.CreateCatalog().Register<FleetAccount>();

        catalog.IsReadOnly.Should().BeFalse();
        var result = new RuleFileLoader(new RuleLoaderOptions { Catalog = catalog }).LoadFromText("t.yaml", HostFactRule);

        result.Success.Should().BeTrue(result.FormatDiagnostics());
    }

    [Test]
    public void Register_NewOptionsCatalog_IsTheirOwn()
    {
        var options = new RuleLoaderOptions();

        options.Catalog.Register<FleetAccount>();

        options.Catalog.Should().NotBeSameAs(RuleLoaderOptions.Default.Catalog);
        new RuleLoaderOptions().Catalog.Names.Should().NotContain(nameof(FleetAccount));
    }

    [Test]
    public void Load_ConcurrentlyWithTheDefaultOptions_EveryLoadGivesTheSameRules()
    {
        const string text = """
            apiVersion: engagement-rules/v1
            rules:
              - id: uses-customer
                when: [ { c: Customer } ]
                then: [ { signal: { name: s, customer: "c.customerId" } } ]
              - id: uses-vehicle
                when: [ { v: Vehicle } ]
                then: [ { signal: { name: s, customer: "v.ownerCustomerId" } } ]
            """;
        var results = new string[32];
        Parallel.For(0, results.Length, i =>
        {
            // Half the loads use the default options, half copies of them: all share one catalogue.
            var result = new RuleFileLoader(i % 2 == 0 ? null : RuleLoaderOptions.Default with { MaxRules = 100 }).LoadFromText($"t{i}.yaml", text);
            results[i] = result.Success ? string.Join(",", result.Rules.Select(r => r.Id)) : result.FormatDiagnostics();
        });

        results.Should().AllBe("uses-customer,uses-vehicle");
    }

    /// <summary>A host fact type the built-in catalogue does not have.</summary>
    private sealed class FleetAccount
    {
        public string AccountId { get; init; } = string.Empty;
    }

    [Test]
    public void TryGetType_UnknownName_ReturnsFalseAndNull()
    {
        var catalog = BuiltInFactTypes.CreateCatalog();

        catalog.TryGetType("FleetAccount", out var unknown).Should().BeFalse();
        unknown.Should().BeNull();
        catalog.TryGetType("Vehicle", out var vehicle).Should().BeTrue();
        vehicle.Should().Be<Engagement.Rules.Facts.Vehicle>();
    }
}
