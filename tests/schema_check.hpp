// A small JSON Schema checker for the subset schema/timeline.schema.json uses: type, required,
// properties, items, enum, const, pattern, minLength, minimum, maximum, minItems and local $ref. A keyword
// outside that subset is itself reported, so the schema cannot grow past what the tests check.
#pragma once

#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace schema_check {

using Json = nlohmann::json;

inline std::string utf8_length_ok(const std::string& s, std::size_t min) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n >= min ? "" : "shorter than " + std::to_string(min);
}

inline bool has_type(const Json& v, const std::string& t) {
  if (t == "object") return v.is_object();
  if (t == "array") return v.is_array();
  if (t == "string") return v.is_string();
  if (t == "integer") return v.is_number_integer();
  if (t == "number") return v.is_number();
  if (t == "boolean") return v.is_boolean();
  if (t == "null") return v.is_null();
  return false;
}

inline void check(const Json& root, const Json& schema, const Json& v, const std::string& where,
                  std::vector<std::string>& errors) {
  static const std::set<std::string> known = {
      "$schema", "$id",     "title",     "description", "type",    "required", "properties", "items", "enum",
      "const",   "pattern", "minLength", "minimum",     "maximum", "minItems", "$ref",       "$defs"};
  for (const auto& [k, _] : schema.items())
    if (!known.count(k)) errors.push_back(where + ": schema keyword not checked: " + k);
  if (schema.contains("$ref")) {
    std::string ref = schema["$ref"];
    if (ref.rfind("#/", 0) != 0) {
      errors.push_back(where + ": unsupported $ref " + ref);
      return;
    }
    check(root, root.at(Json::json_pointer(ref.substr(1))), v, where, errors);
  }
  if (schema.contains("type") && !has_type(v, schema["type"])) {
    errors.push_back(where + ": not of type " + schema["type"].get<std::string>());
    return;
  }
  if (schema.contains("const") && v != schema["const"]) errors.push_back(where + ": not " + schema["const"].dump());
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& e : schema["enum"]) found = found || e == v;
    if (!found) errors.push_back(where + ": " + v.dump() + " not in enum");
  }
  if (v.is_string()) {
    const std::string s = v;
    if (schema.contains("minLength")) {
      const auto e = utf8_length_ok(s, schema["minLength"]);
      if (!e.empty()) errors.push_back(where + ": " + e);
    }
    if (schema.contains("pattern") && !std::regex_search(s, std::regex(schema["pattern"].get<std::string>())))
      errors.push_back(where + ": \"" + s + "\" does not match " + schema["pattern"].get<std::string>());
  }
  if (v.is_number() && schema.contains("minimum") && v.get<double>() < schema["minimum"].get<double>())
    errors.push_back(where + ": below minimum");
  if (v.is_number() && schema.contains("maximum") && v.get<double>() > schema["maximum"].get<double>())
    errors.push_back(where + ": above maximum");
  if (v.is_object()) {
    if (schema.contains("required"))
      for (const auto& r : schema["required"])
        if (!v.contains(r.get<std::string>())) errors.push_back(where + ": missing " + r.get<std::string>());
    if (schema.contains("properties"))
      for (const auto& [k, sub] : schema["properties"].items())
        if (v.contains(k)) check(root, sub, v[k], where + "/" + k, errors);
  }
  if (v.is_array()) {
    if (schema.contains("minItems") && v.size() < schema["minItems"].get<std::size_t>())
      errors.push_back(where + ": fewer items than " + schema["minItems"].dump());
    if (schema.contains("items"))
      for (std::size_t i = 0; i < v.size(); ++i)
        check(root, schema["items"], v[i], where + "/" + std::to_string(i), errors);
  }
}

inline const Json& timeline_schema() {
  static const Json schema = [] {
    std::ifstream in(std::string(TIMELINER_SOURCE_DIR) + "/schema/timeline.schema.json");
    std::stringstream ss;
    ss << in.rdbuf();
    return Json::parse(ss.str());
  }();
  return schema;
}

// Every violation of schema/timeline.schema.json by `text`, as "path: reason" lines; empty when valid.
inline std::string timeline_errors(const std::string& text) {
  std::vector<std::string> errors;
  check(timeline_schema(), timeline_schema(), Json::parse(text), "", errors);
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out;
}

}  // namespace schema_check
