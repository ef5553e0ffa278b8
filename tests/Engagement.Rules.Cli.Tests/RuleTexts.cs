namespace Engagement.Rules.Cli.Tests;

/// <summary>Rule files the tests write to their temporary folder.</summary>
internal static class RuleTexts
{
    /// <summary>One rule that fires for every owned vehicle of an active customer, one that never fires.</summary>
    public const string Checkup = """
        apiVersion: engagement-rules/v1
        rules:
          - id: owned-vehicle-checkup
            when:
              - customer: Customer
                where: "customer.status == Active"
              - vehicle: Vehicle
                where: [ "vehicle.ownerCustomerId == customer.customerId", "vehicle.isOwned" ]
            then:
              - touch: { kind: reminder, class: service, topic: service.checkup, vehicle: vehicle, channel: email, due: "today() + 1 days", at: "10:00" }
          - id: huge-household
            when:
              - customer: Customer
                where: [ "customer.status == Active", "(customer.householdSize ?? 0) > 100" ]
            then:
              - touch: { kind: notice, class: service, topic: test.never, due: "today()" }
        """;

    /// <summary>A rule with an error on line 6 (a field that does not exist).</summary>
    public const string Broken = """
        apiVersion: engagement-rules/v1
        rules:
          - id: broken
            when:
              - customer: Customer
                where: "customer.noSuchField == 1"
            then:
              - touch: { kind: notice, class: service, topic: test.broken, due: "today()" }
        """;
}
