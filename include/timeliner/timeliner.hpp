// Everything the library offers, for callers that want one include.
#pragma once

#include <timeliner/document.hpp>
#include <timeliner/extract.hpp>
#include <timeliner/json.hpp>
#include <timeliner/summary.hpp>
#include <timeliner/text.hpp>
#include <timeliner/timeline.hpp>
#include <timeliner/tls.hpp>
#include <timeliner/value.hpp>
#include <timeliner/version.hpp>
