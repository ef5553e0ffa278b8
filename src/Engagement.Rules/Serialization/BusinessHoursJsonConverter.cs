using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Serialization;

/// <summary>Business hours as a JSON array of opening hours, one per open day.</summary>
internal sealed class BusinessHoursJsonConverter : JsonConverter<BusinessHours>
{
    public override BusinessHours Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Business hours are a JSON array of {{\"day\", \"opens\", \"closes\"}} objects; found {reader.TokenType}.");
        }

        var item = (JsonConverter<OpeningHours>)options.GetConverter(typeof(OpeningHours));
        var days = new List<OpeningHours>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var index = string.Create(CultureInfo.InvariantCulture, $"[{days.Count}]");
            try
            {
                days.Add(item.Read(ref reader, typeof(OpeningHours), options) ?? throw FactJsonException.Below("An opening-hours entry is null.", null, index));
            }
            catch (FactJsonException e)
            {
                throw e.Prefixed(index);
            }
        }

        try
        {
            return new BusinessHours(days);
        }
        catch (FactValidationException e)
        {
            throw FactJsonException.Below(e.Message, e, string.Empty);
        }
    }

    public override void Write(Utf8JsonWriter writer, BusinessHours value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var day in value.Days)
        {
            JsonSerializer.Serialize(writer, day, options);
        }

        writer.WriteEndArray();
    }
}
