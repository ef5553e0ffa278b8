using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Serialization;

/// <summary>A VIN as its 17-character string; the VIN policy's messages on bad input.</summary>
internal sealed class VinJsonConverter : JsonConverter<Vin>
{
    public override bool HandleNull => true;

    public override Vin Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            throw new JsonException(Vin.Validate(null)!.Message);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A VIN is a JSON string; found {reader.TokenType}.");
        }

        var text = reader.GetString();
        if (!Vin.TryParse(text, out var vin, out var problem))
        {
            throw new JsonException(problem.Message);
        }

        return vin;
    }

    public override void Write(Utf8JsonWriter writer, Vin value, JsonSerializerOptions options)
    {
        if (value.IsEmpty)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }
}
