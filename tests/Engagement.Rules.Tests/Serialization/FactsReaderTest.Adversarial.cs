using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Engagement.Rules.Decisions;
using Engagement.Rules.Serialization;

namespace Engagement.Rules.Tests.Serialization;

/// <summary>Input that used to be silently changed or dropped, or to escape as another exception type.</summary>
public partial class FactsReaderTest
{
    [Test]
    public void ReadCustomerFacts_PropertyGivenTwice_IsAnErrorNotLastWins()
    {
        var json = JsonFixtures.MinimalLine("C-1").Replace("\"firstName\":\"A\"", "\"firstName\":\"A\",\"firstName\":\"Z\"", StringComparison.Ordinal);

        var error = ReadError(json);

        error.Path.Should().Be("$.customer.firstName");
        error.Reason.Should().Be("Customer gives 'firstName' twice; expected each field once (the second value would silently replace the first).");
    }

    [Test]
    public void ReadCustomerFacts_FactsArrayGivenTwice_IsAnErrorNotADroppedArray()
    {
        var json = JsonFixtures.MinimalLine("C-1", VehicleJson).Replace("\"facts\":[", "\"facts\":[],\"facts\":[", StringComparison.Ordinal);

        var error = ReadError(json);

        error.Path.Should().Be("$.facts");
        error.Reason.Should().StartWith("The object gives 'facts' twice");
    }

    [Test]
    public void ReadCustomerFacts_ValueRecordFieldGivenTwice_IsAnError()
    {
        var json = JsonFixtures.MinimalLine("C-1").Replace("{\"countryCode\":\"US\",", "{\"countryCode\":\"CA\",\"countryCode\":\"US\",", StringComparison.Ordinal);

        ReadError(json).Path.Should().Be("$.dealership.jurisdiction.countryCode");
    }

    [Test]
    public void ReadDealerships_PropertyGivenTwice_IsAnError()
    {
        var act = () => EngagementJson.ReadDealerships("{\"dealerships\":[],\"dealerships\":[]}");

        act.Should().Throw<FactsFormatException>().Which.Path.Should().Be("$.dealerships");
    }

    [TestCase("\"birthDate\":{\"year\":1990}", "$.customer.birthDate", "CustomerBirthDate needs 'monthDay'.")]
    [TestCase("\"loyalty\":{\"tier\":\"Gold\"}", "$.customer.loyalty", "Loyalty needs 'points'.")]
    public void ReadCustomerFacts_ValueRecordWithoutAConstructorField_IsAnErrorNotADefault(string property, string path, string reason)
    {
        var error = ReadError(JsonFixtures.MinimalLine("C-1").Replace("\"firstName\"", property + ",\"firstName\"", StringComparison.Ordinal));

        error.Path.Should().Be(path);
        error.Reason.Should().Be(reason);
    }

    [Test]
    public void ReadCustomerFacts_OdometerReadingWithoutDate_IsAnErrorNotYearOne()
    {
        var error = ReadError(JsonFixtures.MinimalLine("C-1", VehicleJson.Replace("\"modelYear\":2023", "\"modelYear\":2023,\"odometerReadings\":[{\"value\":100}]", StringComparison.Ordinal)));

        error.Path.Should().Be("$.facts[0].odometerReadings[0]");
        error.Reason.Should().Be("OdometerReading needs 'date'.");
    }

    [Test]
    public void ReadCustomerFacts_OpeningHoursWithoutOpens_IsAnErrorNotMidnight()
    {
        var json = JsonFixtures.MinimalLine("C-1").Replace("\"regionCode\":\"TX\"}}", "\"regionCode\":\"TX\"},\"businessHours\":[{\"day\":\"Monday\",\"closes\":\"18:00:00\"}]}", StringComparison.Ordinal);

        var error = ReadError(json);

        error.Path.Should().StartWith("$.dealership.businessHours");
        error.Reason.Should().Contain("'opens'");
    }

    [TestCase("Sms, Phone")]
    [TestCase("Sms,Email")]
    [TestCase(" Sms")]
    [TestCase("3")]
    public void ReadCustomerFacts_EnumThatIsNotOneName_IsAnErrorNotAnotherMember(string channel)
    {
        // "Sms, Phone" used to be read as the flags combination 1 | 2, which is Mail.
        var error = ReadError(JsonFixtures.MinimalLine("C-1").Replace("\"firstName\"", "\"preferredChannels\":[\"" + channel + "\"],\"firstName\"", StringComparison.Ordinal));

        error.Path.Should().Be("$.customer.preferredChannels[0]");
        error.Reason.Should().StartWith($"The value '{channel}' is not a ContactChannel.");
    }

    [Test]
    public void ReadCustomerFacts_EnumNameInAnotherCase_IsStillRead()
    {
        var facts = Reader.ReadCustomerFacts(JsonFixtures.MinimalLine("C-1").Replace("\"firstName\"", "\"preferredChannels\":[\"sms\"],\"firstName\"", StringComparison.Ordinal));

        facts.Customer.PreferredChannels.Should().Equal(ContactChannel.Sms);
    }

    [Test]
    public void ReadCustomerFacts_NullEnum_DoesNotTalkAboutNumbers()
    {
        var error = ReadError(JsonFixtures.MinimalLine("C-1").Replace("\"firstName\"", "\"preferredChannels\":[null],\"firstName\"", StringComparison.Ordinal));

        error.Reason.Should().Be("The value null is not a ContactChannel. Expected one of: Email, Sms, Phone, Mail, Push.");
    }

    [TestCase("\\uD800")]
    [TestCase("\\uDC00x")]
    public void ReadCustomerFacts_EscapedUnpairedSurrogate_IsAFormatError(string escaped)
    {
        // The error translation read the bad string back and threw InvalidOperationException out of the reader.
        var error = ReadError(JsonFixtures.MinimalLine("C-1").Replace("\"A\"", "\"" + escaped + "\"", StringComparison.Ordinal));

        error.Path.Should().Be("$.customer.firstName");
        error.Reason.Should().Contain(escaped);
    }

    [Test]
    public void ReadCustomerFacts_EscapedUnpairedSurrogateAsFactType_IsAFormatError()
    {
        var error = ReadError(JsonFixtures.MinimalLine("C-1", "{\"type\":\"\\uD800\"}"));

        error.Path.Should().Be("$.facts[0].type");
    }

    [Test]
    public void ReadCustomerFacts_RawUnpairedSurrogate_IsLocated()
    {
        var json = JsonFixtures.MinimalLine("C-1").Replace("\"B\"", "\"B\uD800\"", StringComparison.Ordinal);

        var error = ReadError(json);

        error.Path.Should().Be("$");
        error.LineNumber.Should().Be(1);
        error.BytePositionInLine.Should().Be(Encoding.UTF8.GetByteCount(json[..json.IndexOf('\uD800', StringComparison.Ordinal)]));
        error.Reason.Should().Contain("U+D800");
    }

    [Test]
    public void ReadCustomerFacts_StreamWithBytesThatAreNotUtf8_IsLocatedNotReplaced()
    {
        // A decoder that replaces bad bytes with U+FFFD would have read the first name as "\uFFFD" without a word.
        var text = JsonFixtures.Document(JsonFixtures.CustomerFacts());
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = Encoding.UTF8.GetByteCount(text[..text.IndexOf("Dana", StringComparison.Ordinal)]);
        bytes[at] = 0xC3;

        var act = () => Reader.ReadCustomerFacts(new MemoryStream(bytes));

        var error = act.Should().Throw<FactsFormatException>().Which;
        error.Reason.Should().Be("The byte 0xC3 is not valid UTF-8; facts are UTF-8 text.");
        error.LineNumber.Should().Be(text[..at].Count(c => c == '\n') + 1);
        error.BytePositionInLine.Should().Be(at - (text.LastIndexOf('\n', at) + 1));
    }

    [Test]
    public void ReadDealerships_StreamWithBytesThatAreNotUtf8_IsAnError()
    {
        var act = () => EngagementJson.ReadDealerships(new MemoryStream([.. "{\"dealerships\":[\""u8, 0xFF, .. "\"]}"u8]));

        act.Should().Throw<FactsFormatException>().Which.Reason.Should().Contain("0xFF");
    }

    [Test]
    public async Task ReadCustomerFactsLinesAsync_LineThatIsNotUtf8_IsReportedWithItsNumberAndReadingGoesOn()
    {
        var bad = Encoding.UTF8.GetBytes(JsonFixtures.MinimalLine("C-2"));
        bad[Array.IndexOf(bad, (byte)'A')] = 0x80;
        var bytes = Encoding.UTF8.GetBytes(JsonFixtures.MinimalLine("C-1") + "\r\n").Concat(bad).Concat(Encoding.UTF8.GetBytes("\n" + JsonFixtures.MinimalLine("C-3"))).ToArray();
        var errors = new List<FactsFormatException>();
        var read = new List<string>();

        await foreach (var facts in Reader.ReadCustomerFactsLinesAsync(new MemoryStream(bytes), errors.Add))
        {
            read.Add(facts.Customer.CustomerId);
        }

        read.Should().Equal("C-1", "C-3");
        errors.Should().ContainSingle().Which.LineNumber.Should().Be(2);
        errors[0].BytePositionInLine.Should().Be(Array.IndexOf(bad, (byte)0x80));
    }

    [Test]
    public async Task ReadCustomerFactsLinesAsync_LongLinesAndByteOrderMark_AreRead()
    {
        // Lines longer than the read buffer, and a UTF-8 byte order mark on the first line.
        var longName = new string('x', 70_000);
        var text = JsonFixtures.MinimalLine("C-1").Replace("\"A\"", "\"" + longName + "\"", StringComparison.Ordinal) + "\n" + JsonFixtures.MinimalLine("C-2") + "\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var read = new List<string>();

        await foreach (var facts in Reader.ReadCustomerFactsLinesAsync(new MemoryStream(bytes)))
        {
            read.Add(facts.Customer.FirstName);
        }

        read.Should().Equal(longName, "A");
    }

    [Test]
    public async Task ReadCustomerFactsLinesAsync_Utf16Lines_AreOneClearError()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(JsonFixtures.MinimalLine("C-1") + "\n" + JsonFixtures.MinimalLine("C-2"))).ToArray();
        var errors = new List<FactsFormatException>();

        var act = async () =>
        {
            await foreach (var unused in Reader.ReadCustomerFactsLinesAsync(new MemoryStream(bytes), errors.Add))
            {
            }
        };

        (await act.Should().ThrowAsync<FactsFormatException>()).Which.Reason.Should().Contain("utf-16");
    }

    [Test]
    public void ReadCustomerFacts_StringStartingWithByteOrderMark_IsRead()
    {
        // Encoding.UTF8.GetString keeps the byte order mark of a file as U+FEFF.
        var facts = Reader.ReadCustomerFacts("\uFEFF" + JsonFixtures.MinimalLine("C-1"));

        facts.Customer.CustomerId.Should().Be("C-1");
    }

    [Test]
    public void ReadCustomerFactsLines_FirstLineStartingWithByteOrderMark_IsRead()
    {
        var read = Reader.ReadCustomerFactsLines(new StringReader("\uFEFF" + JsonFixtures.MinimalLine("C-1") + "\n" + JsonFixtures.MinimalLine("C-2"))).Select(f => f.Customer.CustomerId);

        read.Should().Equal("C-1", "C-2");
    }

    [TestCase("null", "The value is missing (null); this field needs a value.")]
    [TestCase("5", "The value 5 is a JSON number; expected a JSON string.")]
    public void ReadCustomerFacts_WrongValueInsideAValueRecord_SaysWhatTheFileMustHold(string monthDay, string reason)
    {
        // Before: "The value null could not be converted: Value cannot be null. (Parameter 'text')".
        var error = ReadError(JsonFixtures.MinimalLine("C-1").Replace("\"firstName\"", "\"birthDate\":{\"monthDay\":" + monthDay + "},\"firstName\"", StringComparison.Ordinal));

        error.Path.Should().Be("$.customer.birthDate.monthDay");
        error.Reason.Should().Be(reason);
    }

    [Test]
    public void ReadCustomerFacts_HugeValuesInErrors_AreQuotedInPart()
    {
        // A 100,000-character dealership id, property name and VIN were each quoted whole in the message (and the
        // id was compared by edit distance with every known id: seconds per line with a few hundred dealerships).
        var huge = new string('x', 100_000);
        var reader = new FactsReader(Enumerable.Range(0, 300).Select(i => JsonFixtures.Dealership() with { DealershipId = "D-" + i }));

        var id = ((Func<object>)(() => reader.ReadCustomerFacts(JsonFixtures.Line(JsonFixtures.CustomerFacts()).Replace("\"dealershipId\":\"D-1\"", "\"dealershipId\":\"" + huge + "\"", StringComparison.Ordinal))))
            .Should().Throw<FactsFormatException>().Which;
        var name = ReadError(JsonFixtures.MinimalLine("C-1").Replace("\"firstName\"", "\"" + huge + "\":1,\"firstName\"", StringComparison.Ordinal));
        var vin = ReadError(JsonFixtures.MinimalLine("C-1", VehicleJson.Replace("1HGCM82633A004352", huge.ToUpperInvariant(), StringComparison.Ordinal)));

        id.Reason.Should().StartWith("Unknown dealership id 'xxxx").And.Contain("... (100000 characters)'.");
        name.Reason.Should().StartWith("Customer has no field 'xxxx").And.Contain("... (100000 characters)'.");
        vin.Reason.Should().Contain("has 100000 characters; expected exactly 17");
        new[] { id, name, vin }.Should().OnlyContain(e => e.Reason.Length < 10_000);
    }

    [Test]
    public void ReadCustomerFacts_HugeValueCutInsideASurrogatePair_QuotesWholeCharactersOnly()
    {
        // The cut at 100 characters could end on a high surrogate: the message itself was then invalid Unicode.
        var huge = new string('x', 99) + string.Concat(Enumerable.Repeat("\U0001F697", 1_000));
        var reader = new FactsReader([JsonFixtures.Dealership()]);

        var error = ((Func<object>)(() => reader.ReadCustomerFacts(JsonFixtures.Line(JsonFixtures.CustomerFacts()).Replace("\"dealershipId\":\"D-1\"", "\"dealershipId\":\"" + huge + "\"", StringComparison.Ordinal))))
            .Should().Throw<FactsFormatException>().Which;

        error.Reason.Should().Contain(new string('x', 99) + "... (2099 characters)'.");
        ((Action)(() => new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(error.Message))).Should().NotThrow("a message must be valid Unicode");
    }
}
