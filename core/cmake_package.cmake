# Installation: libbasketlift_core.a (simdjson's objects inside), the public headers under
# include/basketlift/, the CLI, and a CMake package so that another project can write
#   find_package(basketlift CONFIG REQUIRED)
#   target_link_libraries(app PRIVATE basketlift::core)
# No installed header includes simdjson or Boost (tests/package builds a consumer without them).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# The public API: the engine facade, the simulator, and every header they include.
set(basketlift_public_headers
  engine/engine.h sim/sim_json.h sim/simulator.h sim/report_facts.h report/report.h
  analysis/alerts.h analysis/basket.h analysis/context.h analysis/currency_scope.h
  analysis/cuped.h analysis/data_gaps.h analysis/dimensions.h analysis/experiment.h analysis/experiment_units.h
  analysis/line_values.h analysis/ltv.h analysis/moments.h analysis/offer_groups.h
  analysis/offer_units.h analysis/offers.h analysis/settings.h analysis/stat_tests.h
  analysis/summary.h analysis/time_zone.h analysis/trends.h
  analysis/experiment_trend.h
  ingest/column_mapper.h ingest/field.h ingest/file_ingest.h ingest/file_report.h
  ingest/format_reader.h ingest/range_reading.h ingest/record.h ingest/reject_reason.h
  ingest/row_note.h ingest/row_reader.h ingest/table_loader.h ingest/value_parse.h
  store/columns.h store/offer_shapes.h store/range_merge.h store/store.h
  util/hash.h util/id_pool.h util/interner.h util/json_writer.h util/status.h
  warehouse/aggregates.h warehouse/aggregates_report.h warehouse/aggregates_sql.h
  warehouse/packed_layouts.h warehouse/sql_dialect.h warehouse/sql_presets.h)
foreach(header IN LISTS basketlift_public_headers)
  get_filename_component(folder "${header}" DIRECTORY)
  install(FILES "${CMAKE_CURRENT_SOURCE_DIR}/${header}"
          DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/basketlift/${folder}" COMPONENT development)
endforeach()
install(FILES "${PROJECT_BINARY_DIR}/include/basketlift/version.h"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/basketlift" COMPONENT development)

install(TARGETS basketlift_core EXPORT basketlift-targets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT development)
install(TARGETS basketlift EXPORT basketlift-targets
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT runtime)
set_target_properties(basketlift PROPERTIES EXPORT_NAME cli)

set(config_dir "${CMAKE_INSTALL_LIBDIR}/cmake/basketlift")
install(EXPORT basketlift-targets NAMESPACE basketlift:: DESTINATION "${config_dir}"
        COMPONENT development)
configure_package_config_file("${CMAKE_CURRENT_SOURCE_DIR}/basketlift-config.cmake.in"
  "${PROJECT_BINARY_DIR}/basketlift-config.cmake" INSTALL_DESTINATION "${config_dir}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/basketlift-config-version.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/basketlift-config.cmake"
              "${PROJECT_BINARY_DIR}/basketlift-config-version.cmake"
        DESTINATION "${config_dir}" COMPONENT development)
