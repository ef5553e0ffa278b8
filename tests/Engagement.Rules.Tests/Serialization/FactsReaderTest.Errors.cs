using System;
using System.IO;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using Engagement.Rules.Serialization;
using NodaTime;

namespace Engagement.Rules.Tests.Serialization;

public partial class FactsReaderTest
{
    private const string VehicleJson = "{\"type\":\"Vehicle\",\"vin\":\"1HGCM82633A004352\",\"ownerCustomerId\":\"C-1\",\"make\":\"Honda\",\"model\":\"Accord\",\"modelYear\":2023}";

    [Test]
    public void ReadCustomerFacts_InvalidVin_ReportsThePathAndTheVinMessage()
    {
        var error = ReadError(JsonFixtures.MinimalLine("C-1", VehicleJson.Replace("1HGCM82633A004352", "1HGCM82643A004352", StringComparison.Ordinal)));

        error.Path.Should().Be("$.facts[0].vin");
        error.Reason.Should().Contain("check digit '4' at position 9; expected '3'");
        error.BytePositionInLine.Should().BePositive();
        error.Message.Should().StartWith("line 1, $.facts[0].vin");
    }

    [Test]
    public void ReadCustomerFacts_UnknownProperty_IsAnError()
    {
        var error = ReadError(JsonFixtures.MinimalLine("C-1", VehicleJson.Replace("\"make\"", "\"colour\":\"red\",\"make\"", StringComparison.Ordinal)));

        error.Path.Should().Be("$.facts[0].colour");
        error.Reason.Should().StartWith("Vehicle has no field 'colour'.").And.Contain("Its fields are: ").And.Contain("modelYear")
            .And.NotContain("Engagement.Rules", "the reader of a fact file knows fact types, not .NET types");
    }

    [Test]
    public void ReadCustomerFacts_MisspeltProperty_SuggestsTheField()
    {
        var error = ReadError(JsonFixtures.MinimalLine("C-1", VehicleJson.Replace("\"modelYear\"", "\"modelYaer\"", StringComparison.Ordinal)));

        error.Path.Should().Be("$.facts[0].modelYaer");
        error.Reason.Should().StartWith("Vehicle has no field 'modelYaer'. Did you mean 'modelYear'?");
    }

    [Test]
    public void ReadCustomerFacts_UnknownFactType_SuggestsTheCloseName()
    {
        var error = ReadError(JsonFixtures.MinimalLine("C-1", VehicleJson.Replace("\"Vehicle\"", "\"Vehicel\"", StringComparison.Ordinal)));

        error.Path.Should().Be("$.facts[0].type");
        error.Reason.Should().Contain("Unknown fact type 'Vehicel'. Did you mean 'Vehicle'?");
    }

    [Test]
    public void ReadCustomerFacts_FactWithoutType_IsAnError()
    {
        var error = ReadError(JsonFixtures.MinimalLine("C-1", VehicleJson.Replace("\"type\":\"Vehicle\",", string.Empty, StringComparison.Ordinal)));

        error.Path.Should().Be("$.facts[0]");
        error.Reason.Should().Contain("has no \"type\"");
    }

    [Test]
    public void ReadCustomerFacts_MissingRequiredField_NamesIt()
    {
        var error = ReadError(JsonFixtures.MinimalLine("C-1", VehicleJson.Replace("\"make\":\"Honda\",", string.Empty, StringComparison.Ordinal)));

        error.Path.Should().Be("$.facts[0]");
        error.Reason.Should().Be("Vehicle needs 'make'.");
    }

    [Test]
    public void ReadCustomerFacts_RuleBetweenTwoFields_BlamesTheFieldTheRecordNames()
    {
        var order = "{\"type\":\"RepairOrder\",\"repairOrderId\":\"RO-1\",\"vin\":\"1HGCM82633A004352\",\"customerId\":\"C-1\",\"openedOn\":\"2026-03-05\",\"closedOn\":\"2026-03-01\",\"mileage\":1,\"operations\":[\"OIL\"],\"total\":1}";

        var error = ReadError(JsonFixtures.MinimalLine("C-1", VehicleJson + "," + order));

        error.Path.Should().Be("$.facts[1].closedOn");
        error.Reason.Should().StartWith("RepairOrder.ClosedOn:");
        error.InnerException.Should().BeOfType<FactValidationException>().Which.Field.Should().Be("ClosedOn");
    }

    [Test]
    public void ReadCustomerFacts_InvalidValueRecord_ReportsTheFieldInsideIt()
    {
        var json = JsonFixtures.MinimalLine("C-1").Replace("\"timeZoneId\":\"America/Chicago\"},", "\"timeZoneId\":\"America/Chicago\",\"birthDate\":{\"monthDay\":\"02-29\",\"year\":1999}},", StringComparison.Ordinal);

        var error = ReadError(json);

        error.Path.Should().Be("$.customer.birthDate.year");
        error.Reason.Should().Contain("February 29 does not exist in that year");
    }

    [Test]
    public void ReadCustomerFacts_BadValueInsideAList_ReportsTheItem()
    {
        var json = JsonFixtures.MinimalLine("C-1").Replace("\"timeZoneId\":\"America/Chicago\"},", "\"timeZoneId\":\"America/Chicago\",\"preferredChannels\":[\"Sms\",\"Sms\"]},", StringComparison.Ordinal);

        var error = ReadError(json);

        error.Path.Should().Be("$.customer.preferredChannels[1]");
        error.Reason.Should().Contain("listed twice");
    }

    [Test]
    public void ReadCustomerFactsLines_GrantWithoutBasis_ReportsTheLineAndTheRecord()
    {
        var consents = "\"consents\":[{\"channel\":\"Email\",\"purpose\":\"Service\",\"status\":\"Granted\",\"at\":\"2025-01-01T00:00:00Z\",\"basis\":\"Express\"},"
            + "{\"channel\":\"Email\",\"purpose\":\"Marketing\",\"status\":\"Granted\",\"at\":\"2025-01-01T00:00:00Z\"}]";
        var lines = string.Join("\n", JsonFixtures.MinimalLine("C-1"), WithCustomerField(JsonFixtures.MinimalLine("C-2"), consents));

        var act = () => Reader.ReadCustomerFactsLines(new StringReader(lines)).ToList();

        var error = act.Should().Throw<FactsFormatException>().Which;
        error.LineNumber.Should().Be(2);
        error.Path.Should().Be("$.customer.consents[1]");
        error.Reason.Should().StartWith("ConsentRecord.Basis: the grant has no basis").And.Contain("ImpliedByPurchase");
        error.InnerException.Should().BeOfType<FactValidationException>().Which.Field.Should().Be("Basis");
    }

    [Test]
    public void ReadCustomerFacts_DocumentWithGrantWithoutBasis_ReportsTheRecord()
    {
        var document = "{\n  \"customer\": {\"customerId\": \"C-1\", \"firstName\": \"A\", \"lastName\": \"B\", \"timeZoneId\": \"America/Chicago\",\n"
            + "    \"consents\": [\n"
            + "      {\"channel\": \"Sms\", \"purpose\": \"Marketing\", \"status\": \"Withdrawn\", \"at\": \"2025-01-01T00:00:00Z\"},\n"
            + "      {\"channel\": \"Email\", \"purpose\": \"Marketing\", \"status\": \"Granted\", \"at\": \"2025-01-01T00:00:00Z\", \"basis\": null}\n"
            + "    ]},\n"
            + "  \"dealershipId\": \"D-1\",\n  \"facts\": []\n}";

        var error = ReadError(document);

        error.Path.Should().Be("$.customer.consents[1]");
        error.LineNumber.Should().Be(5, "the line of the record, not of the end of the list");
        error.Reason.Should().StartWith("ConsentRecord.Basis: the grant has no basis");
    }

    [Test]
    public void ReadCustomerFacts_WithdrawalWithoutBasis_ReadsAndWithdraws()
    {
        var consents = "\"consents\":[{\"channel\":\"Email\",\"purpose\":\"Marketing\",\"status\":\"Granted\",\"at\":\"2025-01-01T00:00:00Z\",\"basis\":\"ImpliedByPurchase\"},"
            + "{\"channel\":\"Email\",\"purpose\":\"Marketing\",\"status\":\"Withdrawn\",\"at\":\"2025-02-01T00:00:00Z\"}]";

        var customer = Reader.ReadCustomerFacts(WithCustomerField(JsonFixtures.MinimalLine("C-1"), consents)).Customer;

        customer.Consents.Select(c => c.Basis).Should().Equal(ConsentBasis.ImpliedByPurchase, null);
        customer.LatestConsent(ContactChannel.Email, ConsentPurpose.Marketing, Instant.FromUtc(2026, 1, 1, 0, 0))!.Status.Should().Be(ConsentStatus.Withdrawn);
    }

    [Test]
    public void ReadCustomerFacts_BadOpeningHours_ReportsTheDay()
    {
        var json = JsonFixtures.MinimalLine("C-1").Replace("\"regionCode\":\"TX\"}}", "\"regionCode\":\"TX\"},\"businessHours\":[{\"day\":\"Monday\",\"opens\":\"08:00:00\",\"closes\":\"17:00:00\"},{\"day\":\"Tuesday\",\"opens\":\"18:00:00\",\"closes\":\"09:00:00\"}]}", StringComparison.Ordinal);

        var error = ReadError(json);

        error.Path.Should().Be("$.dealership.businessHours[1].closes");
        error.Reason.Should().Contain("OpeningHours.Closes");
    }

    [Test]
    public void ReadCustomerFacts_DealershipWithUnknownZone_IsAnError()
    {
        var json = JsonFixtures.MinimalLine("C-1").Replace("\"name\":\"N\",\"timeZoneId\":\"America/Chicago\"", "\"name\":\"N\",\"timeZoneId\":\"America/Atlantis\"", StringComparison.Ordinal);

        var error = ReadError(json);

        error.Path.Should().Be("$.dealership.timeZoneId");
        error.Reason.Should().Contain("America/Atlantis");
    }

    [Test]
    public void ReadCustomerFacts_EnumAsNumber_IsRejected()
    {
        var json = JsonFixtures.MinimalLine("C-1").Replace("\"timeZoneId\":\"America/Chicago\"},", "\"timeZoneId\":\"America/Chicago\",\"status\":1},", StringComparison.Ordinal);

        ReadError(json).Path.Should().Be("$.customer.status");
    }

    [Test]
    public void ReadCustomerFacts_FactOfAnotherCustomer_ReportsTheFact()
    {
        var error = ReadError(JsonFixtures.MinimalLine("C-1", VehicleJson.Replace("\"C-1\"", "\"C-2\"", StringComparison.Ordinal)));

        error.Path.Should().Be("$.facts[0]");
        error.Reason.Should().Contain("customer 'C-2'");
    }

    [Test]
    public void ReadCustomerFacts_UnknownDealershipId_SuggestsTheCloseId()
    {
        var json = "{\"customer\":{\"customerId\":\"C-1\",\"firstName\":\"A\",\"lastName\":\"B\",\"timeZoneId\":\"America/Chicago\"},\"dealershipId\":\"D-l\",\"facts\":[]}";

        var error = ReadError(json);

        error.Path.Should().Be("$.dealershipId");
        error.Reason.Should().Contain("Unknown dealership id 'D-l'. Did you mean 'D-1'?");
    }

    [Test]
    public void ReadCustomerFacts_NoDealership_IsAnError()
    {
        var json = "{\"customer\":{\"customerId\":\"C-1\",\"firstName\":\"A\",\"lastName\":\"B\",\"timeZoneId\":\"America/Chicago\"},\"facts\":[]}";

        ReadError(json).Reason.Should().Contain("The dealership is missing");
    }

    [Test]
    public void ReadCustomerFacts_MalformedDocument_ReportsTheLineOfTheDocument()
    {
        var json = "{\n  \"customer\": {\n    \"customerId\": \"C-1\",,\n  }\n}";

        var error = ReadError(json);

        error.LineNumber.Should().Be(3);
        error.Path.Should().Be("$.customer");
        error.BytePositionInLine.Should().Be(24, "the second comma is the 25th byte of the line");
    }

    [Test]
    public void ReadCustomerFacts_BadDate_ReportsThePathAndTheIsoForm()
    {
        var order = "{\"type\":\"Complaint\",\"id\":\"CP-1\",\"customerId\":\"C-1\",\"openedOn\":\"2026-13-01\"}";

        var error = ReadError(JsonFixtures.MinimalLine("C-1", order));

        error.Path.Should().Be("$.facts[0].openedOn");
        error.Reason.Should().Contain("2026-13-01");
    }

    [Test]
    public void ReadCustomerFacts_UnknownEnumName_SuggestsTheCloseName()
    {
        var json = JsonFixtures.MinimalLine("C-1").Replace("\"timeZoneId\":\"America/Chicago\"},", "\"timeZoneId\":\"America/Chicago\",\"status\":\"Activ\"},", StringComparison.Ordinal);

        var error = ReadError(json);

        error.Path.Should().Be("$.customer.status");
        error.Reason.Should().Contain("'Activ'").And.Contain("Did you mean 'Active'?").And.Contain("Active, Deceased, MovedAway");
    }

    [Test]
    public void ReadCustomerFacts_BadValueInsideAValueRecord_ReportsItsPathAndForm()
    {
        var json = JsonFixtures.MinimalLine("C-1").Replace("\"timeZoneId\":\"America/Chicago\"},", "\"timeZoneId\":\"America/Chicago\",\"birthDate\":{\"monthDay\":\"2-30\"}},", StringComparison.Ordinal);

        var error = ReadError(json);

        error.Path.Should().Be("$.customer.birthDate.monthDay");
        error.Reason.Should().Contain("'2-30'").And.Contain("MM");
    }

    private static string WithCustomerField(string line, string field) =>
        line.Replace("\"timeZoneId\":\"America/Chicago\"},", "\"timeZoneId\":\"America/Chicago\"," + field + "},", StringComparison.Ordinal);

    private static FactsFormatException ReadError(string json)
    {
        var act = () => Reader.ReadCustomerFacts(json);
        return act.Should().Throw<FactsFormatException>().Which;
    }
}
