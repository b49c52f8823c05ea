# Writes OUTPUT, the man page timeliner.1, from the command line's own help at build time:
# help2man reads `timeliner --help` and `--version`; each subcommand's `timeliner NAME --help` goes
# into a section COMMANDS, and EXAMPLES and SEE ALSO are added.
#   cmake -DEXE=path/to/timeliner -DHELP2MAN=/usr/bin/help2man -DOUTPUT=timeliner.1 -P cmake/man_page.cmake
execute_process(COMMAND "${EXE}" --help OUTPUT_VARIABLE main_help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXE} --help failed (${rc})")
endif()

# The subcommands listed after "Subcommands:", one per line: "  name   description".
string(FIND "${main_help}" "Subcommands:" at)
if(at EQUAL -1)
  message(FATAL_ERROR "no Subcommands: in ${EXE} --help")
endif()
string(SUBSTRING "${main_help}" ${at} -1 listing)
string(REGEX MATCHALL "\n  [a-z]+ " names "${listing}")

# Roff-safe text: backslashes written \e, hyphens \- (so that options copy as typed), a leading
# dot or quote protected by \&.
function(roff_lines text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

set(include "[COMMANDS]\n")
foreach(entry IN LISTS names)
  string(STRIP "${entry}" name)
  execute_process(COMMAND "${EXE}" ${name} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${EXE} ${name} --help failed (${rc})")
  endif()
  roff_lines("${help}" help)
  string(APPEND include ".SS \"timeliner ${name}\"\n.nf\n${help}\n.fi\n")
endforeach()
string(APPEND include [=[
[EXAMPLES]
.nf
echo "The deal was signed last week." | timeliner extract \-\-dct 2025\-04\-18
timeliner build \-\-dct 2025\-04\-18 article.txt \-o timeline.json
timeliner build articles/ \-o story.json && timeliner view story.json \-o story.html
timeliner merge a.json b.json \-o story.json
timeliner show story.json
.fi
[EXIT STATUS]
0 when every input was read, 3 when some were skipped (the output holds the rest), 1 on an error
(nothing written), 2 on a command\-line mistake.
[SEE ALSO]
The documentation in the project's docs/ folder; the timeline's JSON Schema, schema/timeline.schema.json.
]=])
get_filename_component(dir "${OUTPUT}" DIRECTORY)
file(WRITE "${dir}/timeliner.h2m" "${include}")
execute_process(
  COMMAND "${HELP2MAN}" --no-info --no-discard-stderr --section=1
          "--name=build event timelines from news articles" "--include=${dir}/timeliner.h2m"
          "--output=${OUTPUT}" "${EXE}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc})")
endif()
