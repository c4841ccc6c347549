# Writes precache.json into the assembled site: every file the page may need offline, and a
# version that changes whenever any of them does (the service worker's cache name).
# Usage: cmake -DSITE=build/web -P scripts/site-manifest.cmake
file(GLOB_RECURSE files RELATIVE "${SITE}" "${SITE}/*")
list(FILTER files EXCLUDE REGEX "(^|/)README\\.md$|\\.map$|^precache\\.json$|^sw\\.js$|^sample/answers\\.json$")
list(SORT files)
set(digests "")
set(entries "")
foreach(path IN LISTS files)
  file(SHA256 "${SITE}/${path}" digest)
  string(APPEND digests "${digest}")
  list(APPEND entries "\"${path}\"")
endforeach()
string(SHA256 version "${digests}")
string(SUBSTRING "${version}" 0 16 version)
list(JOIN entries ",\n  " body)
file(WRITE "${SITE}/precache.json" "{\"version\": \"${version}\", \"files\": [\n  ${body}\n]}\n")
