# Writes the site's sw.js with its build id: the first 16 hex digits of a SHA-256 over the
# site's files (name and content), so the id changes exactly when a file of the site changes.
#   cmake -DSITE=<site dir> -DSOURCE=<web/shell/sw.js> -P scripts/stamp_sw.cmake
# Run it after every other file of the site is in place (see
# CMakeLists.txt: the site_worker target).
if(NOT SITE OR NOT SOURCE)
  message(FATAL_ERROR "stamp_sw.cmake needs -DSITE=… and -DSOURCE=…")
endif()
set(files index.html stoplan-api.js sto_planner.js sto_planner.wasm manifest.webmanifest icon.svg)
set(digest_input "")
foreach(file ${files})
  if(EXISTS ${SITE}/${file})
    file(SHA256 ${SITE}/${file} hash)
    string(APPEND digest_input "${file}=${hash}\n")
  endif()
endforeach()
file(SHA256 ${SOURCE} worker_hash)  # a change of the worker itself is a new version too
string(APPEND digest_input "sw.js=${worker_hash}\n")
string(SHA256 build_id "${digest_input}")
string(SUBSTRING ${build_id} 0 16 build_id)
file(READ ${SOURCE} worker)
string(REPLACE "@STO_BUILD_ID@" "${build_id}" worker "${worker}")
file(WRITE ${SITE}/sw.js.tmp "${worker}")
# Only touch sw.js when it changed, so an unchanged site keeps its file dates.
file(COPY_FILE ${SITE}/sw.js.tmp ${SITE}/sw.js ONLY_IF_DIFFERENT)
file(REMOVE ${SITE}/sw.js.tmp)
