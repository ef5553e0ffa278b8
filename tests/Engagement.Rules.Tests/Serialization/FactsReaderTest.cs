using System;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using Engagement.Rules.Facts;
using Engagement.Rules.Serialization;

namespace Engagement.Rules.Tests.Serialization;

public partial class FactsReaderTest
{
    private static readonly FactsReader Reader = new([JsonFixtures.Dealership()]);

    [Test]
    public void ReadCustomerFacts_Document_RoundTripsEveryFactType()
    {
        var original = JsonFixtures.CustomerFacts();

        var read = Reader.ReadCustomerFacts(JsonFixtures.Document(original));

        read.Customer.Should().BeEquivalentTo(original.Customer, o => o.ComparingRecordsByMembers());
        read.Dealership.Should().BeEquivalentTo(original.Dealership, o => o.ComparingRecordsByMembers());
        read.Facts.Select(f => f.GetType()).Should().Equal(original.Facts.Select(f => f.GetType()));
        for (var i = 0; i < original.Facts.Count; i++)
        {
            read.Facts[i].Should().BeEquivalentTo(original.Facts[i], o => o.ComparingRecordsByMembers().RespectingRuntimeTypes(), $"fact {i} ({original.Facts[i].GetType().Name})");
        }
    }

    [Test]
    public void ReadCustomerFactsLines_Line_RoundTripsWithTheDealershipByReference()
    {
        var original = JsonFixtures.CustomerFacts();
        var line = JsonFixtures.Line(original);

        var read = Reader.ReadCustomerFactsLines(new System.IO.StringReader(line)).Single();

        line.Should().Contain("\"dealershipId\":\"D-1\"").And.NotContain("\"dealership\":").And.EndWith("}\n");
        line.TrimEnd('\n').Should().NotContain("\n");
        read.Dealership.Should().BeSameAs(Reader.ReadCustomerFactsLines(new System.IO.StringReader(line)).Single().Dealership);
        JsonFixtures.Line(read).Should().Be(line);
    }

    [Test]
    public void WriteCustomerFacts_EveryFactType_WritesEverySettableProperty()
    {
        using var document = JsonDocument.Parse(JsonFixtures.Document(JsonFixtures.CustomerFacts()));
        var facts = document.RootElement.GetProperty("facts").EnumerateArray().ToArray();

        facts.Select(f => f.GetProperty("type").GetString()).Should().Equal(
            DealershipFactTypes.All.Where(t => t != typeof(Customer) && t != typeof(Dealership)).Select(t => t.Name));
        foreach (var fact in facts)
        {
            var type = DealershipFactTypes.All.Single(t => t.Name == fact.GetProperty("type").GetString());
            var names = fact.EnumerateObject().Select(p => p.Name).ToArray();
            names.Should().BeEquivalentTo(SettableJsonNames(type).Append("type"), $"{type.Name} is written with its settable properties only");
        }

        document.RootElement.GetProperty("customer").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(SettableJsonNames(typeof(Customer)));
        document.RootElement.GetProperty("dealership").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(SettableJsonNames(typeof(Dealership)));
    }

    [Test]
    public void WriteCustomerFacts_Values_UseIsoAndNames()
    {
        var json = JsonFixtures.Document(JsonFixtures.CustomerFacts());

        json.Should().Contain("\"vin\": \"1HGCM82633A004352\"")
            .And.Contain("\"purchaseDate\": \"2023-05-10\"")
            .And.Contain("\"at\": \"2026-03-10T15:00:00Z\"")
            .And.Contain("\"monthDay\": \"02-29\"")
            .And.Contain("\"timeZoneId\": \"America/Chicago\"")
            .And.Contain("\"opens\": \"07:30:00\"")
            .And.Contain("\"day\": \"Monday\"")
            .And.Contain("\"kind\": \"reminder\"")
            .And.Contain("\"status\": \"NoShow\"")
            .And.NotContain("isTimeZoneKnown").And.NotContain("factIdentity").And.NotContain("seatsLeft");
    }

    [Test]
    public void ReadCustomerFacts_CustomerWithUnknownZone_KeepsItAsUnknown()
    {
        var json = JsonFixtures.MinimalLine("C-9").Replace("{\"customerId\":\"C-9\",\"firstName\":\"A\",\"lastName\":\"B\",\"timeZoneId\":\"America/Chicago\"", "{\"customerId\":\"C-9\",\"firstName\":\"A\",\"lastName\":\"B\",\"timeZoneId\":\"Mars/Olympus_Mons\"", StringComparison.Ordinal);

        var read = new FactsReader().ReadCustomerFacts(json);

        read.Customer.TimeZoneId.Should().Be("Mars/Olympus_Mons");
        read.Customer.IsTimeZoneKnown.Should().BeFalse();
    }

    [Test]
    public void ReadCustomerFacts_SchemaLink_IsAcceptedForEditors()
    {
        var json = "{\"$schema\":\"../schemas/facts.schema.json\"," + JsonFixtures.MinimalLine("C-1")[1..];

        new FactsReader().ReadCustomerFacts(json).Customer.CustomerId.Should().Be("C-1");
    }

    [Test]
    public void ReadCustomerFacts_Stream_ReadsUtf8()
    {
        var json = JsonFixtures.Document(JsonFixtures.CustomerFacts());
        using var stream = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        Reader.ReadCustomerFacts(stream).Facts.Should().HaveCount(JsonFixtures.Facts().Count);
    }

    private static string[] SettableJsonNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToArray();
}
