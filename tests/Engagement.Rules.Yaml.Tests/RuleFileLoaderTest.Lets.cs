using System.Linq;

namespace Engagement.Rules.Yaml.Tests;

/// <summary>Lets keep the "may be missing" of their value, so later uses must be guarded.</summary>
public sealed partial class RuleFileLoaderTest
{
    private const string JurisdictionLet = """
        apiVersion: engagement-rules/v1
        rules:
          - id: us-customers
            when:
              - customer: Customer
              - let: { place: "customer.jurisdiction" }
              - again: Customer
                where: "again.customerId == customer.customerId and {0}"
            then: [ { signal: { name: us-customer, customer: customer } } ]
        """;

    [Test]
    public void LoadFromText_LetOfNullableRecordUsedUnguarded_ReportsMissingValue()
    {
        var result = new RuleFileLoader().LoadFromText("l.yaml", JurisdictionLet.Replace("{0}", "place.countryCode == 'US'", System.StringComparison.Ordinal));

        result.Success.Should().BeFalse();
        result.Diagnostics.Select(d => d.Code).Should().Contain("ER2040", result.FormatDiagnostics());
    }

    [Test]
    public void LoadFromText_LetOfNullableRecordGuardedWithHas_Loads()
    {
        var result = new RuleFileLoader().LoadFromText("l.yaml", JurisdictionLet.Replace("{0}", "has(place) and place.countryCode == 'US'", System.StringComparison.Ordinal));

        result.Success.Should().BeTrue(result.FormatDiagnostics());
    }
}
