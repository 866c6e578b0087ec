package org.braid.ui;

import java.util.Map;
import java.util.function.Function;
import javafx.util.Callback;
import org.braid.ui.controller.AnalysisTabsController;
import org.braid.ui.controller.ConnectionsController;
import org.braid.ui.controller.FilterBarController;
import org.braid.ui.controller.MainController;
import org.braid.ui.controller.PacketBytesController;
import org.braid.ui.controller.PacketListController;
import org.braid.ui.controller.PacketTreeController;
import org.braid.ui.controller.StatusBarController;
import org.braid.ui.viewmodel.MainViewModel;

/**
 * Makes the controllers FXML names, each given the view model it needs, so controllers hold no
 * global state and FXML holds no construction logic. New views register here.
 */
final class ControllerFactory implements Callback<Class<?>, Object> {
    private final Map<Class<?>, Function<MainViewModel, Object>> makers = Map.of(
            MainController.class, MainController::new,
            FilterBarController.class, vm -> new FilterBarController(vm.filterBar(), vm::applyFilter),
            PacketListController.class, PacketListController::new,
            PacketTreeController.class, vm -> new PacketTreeController(vm.details()),
            PacketBytesController.class, vm -> new PacketBytesController(vm.details()),
            StatusBarController.class, StatusBarController::new,
            ConnectionsController.class, vm -> new ConnectionsController(vm.analysis()),
            AnalysisTabsController.class, vm -> new AnalysisTabsController(vm.analysis()));
    private final MainViewModel viewModel;

    ControllerFactory(MainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @Override
    public Object call(Class<?> type) {
        Function<MainViewModel, Object> maker = makers.get(type);
        if (maker == null) {
            throw new IllegalArgumentException("no controller registered for " + type.getName());
        }
        return maker.apply(viewModel);
    }
}
